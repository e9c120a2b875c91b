export interface PreviewBuild {
  ms: number;
  outDir: string;
  pages: string[];
  missingPages: string[];
  bytes: number;
  /** Whether Vant's icon font was found locally (@vant/icons); without it icons need the CDN. */
  localIcons: boolean;
}
export function buildPreview(options?: { root?: string; mpRoot?: string; outDir?: string }): Promise<PreviewBuild>;
export function patchSimulate(source: string): string;
export function windowHeightUnits(wxss: string): string;
/** The rules of app.wxss that target Vant's classes (kept inside their @media blocks). */
export function sharedClassRules(appWxss: string): string;
export const RPX_SCALE: number;
export const MP: string;
