export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export function startPreviewServer(options: { dir: string; port?: number; host?: string }): Promise<PreviewServer>;
