/**
 * The parts of miniprogram-simulate 1.6 that the tests use. tsconfig maps the package
 * here because its own declarations pull in j-component's older copy of
 * miniprogram-api-typings, whose second global `Component` breaks `this` inference in
 * every page.
 */
export interface SimulateEventInit {
  detail?: unknown;
  touches?: unknown[];
  changedTouches?: unknown[];
  bubbles?: boolean;
  composed?: boolean;
  capturePhase?: boolean;
}

export interface RootComponent<TData = Record<string, any>> {
  instance: any;
  data: TData;
  dom: HTMLElement;
  setData(data: Record<string, unknown>, callback?: () => void): void;
  attach(parent: Element): void;
  detach(): void;
  querySelector(selector: string): RootComponent | null;
  querySelectorAll(selector: string): RootComponent[];
  dispatchEvent(eventName: string, options?: SimulateEventInit): void;
  /** Listens for an event the component triggers (triggerEvent). */
  addEventListener(eventName: string, handler: (event: { detail: unknown }) => void): void;
  triggerLifeTime(name: string, ...args: unknown[]): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
  toJSON(): unknown;
}

export interface LoadOptions {
  rootPath?: string;
  compiler?: 'official' | 'simulate';
  usingComponents?: Record<string, string>;
  less?: boolean;
}

export interface InlineDefinition {
  id?: string;
  tagName?: string;
  template: string;
  usingComponents?: Record<string, string>;
  data?: Record<string, unknown>;
  methods?: Record<string, (...args: any[]) => unknown>;
  options?: Record<string, unknown>;
}

declare const simulate: {
  load(componentPath: string, tagName?: string | LoadOptions, options?: LoadOptions): string;
  load(definition: InlineDefinition): string;
  render(id: string, properties?: Record<string, unknown>): RootComponent;
  sleep(ms?: number): Promise<void>;
  match(dom: Element, html: string): boolean;
  scroll(comp: RootComponent, destOffset?: number, times?: number, propName?: string): void;
};
export = simulate;
