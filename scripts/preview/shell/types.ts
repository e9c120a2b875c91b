/**
 * What the preview shell uses of miniprogram-simulate's browser bundle (window.simulate)
 * and of the exparser nodes it renders. Only the parts touched here are typed.
 */

export interface SimulatedComponent {
  /** The page or component instance (`this` inside its methods). */
  instance: Record<string, any>;
  dom: HTMLElement;
  attach(parent: Element): void;
  detach(): void;
}

export interface ComponentDefinition {
  id?: string;
  tagName?: string;
  template: string;
  properties?: Record<string, unknown>;
  data?: Record<string, unknown>;
  methods?: Record<string, (...args: any[]) => unknown>;
  lifetimes?: Record<string, (...args: any[]) => unknown>;
  observers?: Record<string, (...args: any[]) => unknown>;
  options?: Record<string, unknown>;
}

export interface SimulateApi {
  load(path: string, tagName: string, options: { rootPath: string; compiler: 'official' }): string;
  load(definition: ComponentDefinition): string;
  render(id: string, properties?: Record<string, unknown>): SimulatedComponent;
}

/** `this` inside a built-in tag's lifetimes and observers. */
export interface BuiltinInstance {
  data: Record<string, any>;
  _exparserNode: {
    $$: HTMLElement;
    addListener(name: string, fn: (event: any) => void): void;
    /** The shadow tree the node lives in; its host is the component whose template holds it. */
    ownerShadowRoot?: { getHostNode?(): { __methodCaller?: Record<string, any> } | undefined } | null;
  };
  triggerEvent(name: string, detail?: unknown, options?: Record<string, unknown>): void;
  /** Per-instance scratch space kept by the shell. */
  __shell?: Record<string, any>;
}

export interface BootConfig {
  /** Folder of the mini-program inside window.__FILE_MAP__ (e.g. /mp). */
  root: string;
  appJson: {
    pages: string[];
    window?: {
      navigationBarTitleText?: string;
      navigationBarBackgroundColor?: string;
      navigationBarTextStyle?: string;
      backgroundColor?: string;
      backgroundTextStyle?: string;
    };
    tabBar?: {
      color?: string;
      selectedColor?: string;
      backgroundColor?: string;
      borderStyle?: string;
      list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
    };
  };
  /** theme.json (app.json's themeLocation) when app.json declares darkmode, else undefined. */
  theme?: Record<'light' | 'dark', Record<string, string>>;
  /** Pages whose files exist (app.json order); missingPages are not written yet. */
  pages: string[];
  missingPages: string[];
  /** Each page json's window settings, by path ("pages/lookup/index"). */
  pageWindows: Record<string, { title?: string; pullDownRefresh: boolean }>;
  container: () => {
    installServices(given: Record<string, unknown>): Record<string, any>;
    services(): Record<string, any>;
  };
  app: () => unknown;
  /** The mock carrier's demo numbers (phone + what it shows), when it documents some. */
  demoNumbers: () => readonly { phone: string; description: string }[];
  /** Modules the mini-program loads on demand with require.async (分包异步化), by name. */
  lazyModules: { autoTopupEngine: () => unknown; offlineBackend: () => { offlineBackend: unknown }; invoiceRules: () => { invoiceRules: unknown }; checkoutEngine: () => { checkoutEngine: unknown } };
  /** TypeScript components (pages included) by path, e.g. "pages/lookup/index". */
  modules: Record<string, () => unknown>;
}
