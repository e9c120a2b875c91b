/**
 * The phone's own chrome that WeChat draws around a page: the navigation bar (title,
 * back arrow, a home button when the first page is not a tab) and the tab bar from
 * app.json. Plain DOM: these are WeChat's, not the mini-program's. Colours and icons are
 * exactly what app.json declares (through theme.json in dark mode); a tab without
 * iconPath shows its text only, as in WeChat.
 */
import { resolveThemeValue, type ThemeName, type ThemeVariables } from './theme';

export interface TabItem {
  page: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface FrameState {
  title: string;
  canGoBack: boolean;
  showHome: boolean;
  activeTab: string | null;
}

export interface FrameActions {
  back(): void;
  home(): void;
  tab(page: string): void;
}

/** app.json's window and tabBar settings that WeChat paints (values may be "@name"). */
export interface ChromeSettings {
  window?: {
    navigationBarBackgroundColor?: string;
    navigationBarTextStyle?: string;
    backgroundColor?: string;
    backgroundTextStyle?: string;
  };
  tabBar?: { color?: string; selectedColor?: string; backgroundColor?: string; borderStyle?: string };
}

/** WeChat's defaults when app.json leaves a setting out. */
const DEFAULTS = {
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  backgroundColor: '#ffffff',
  backgroundTextStyle: 'dark',
  tabColor: '#7a7e83',
  tabSelectedColor: '#3cc51f',
  tabBackgroundColor: '#ffffff',
  tabBorderStyle: 'black',
};

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview shell: #${id} is missing from index.html`);
  return el;
}

interface TabButton {
  tab: TabItem;
  button: HTMLElement;
  icon: HTMLImageElement | null;
}

export class Frame {
  private readonly title = byId('nav-title');
  private readonly backButton = byId('nav-back');
  private readonly homeButton = byId('nav-home');
  private readonly tabbar = byId('tabbar');
  private readonly navbar = byId('nav-title').parentElement as HTMLElement;
  private readonly screen = byId('screen');
  private readonly phone = byId('phone');
  private readonly tabButtons: TabButton[] = [];
  private activeTab: string | null = null;
  private theme: ThemeName = 'light';

  constructor(
    tabs: TabItem[],
    private readonly settings: ChromeSettings,
    private readonly variables: ThemeVariables | undefined,
    actions: FrameActions,
  ) {
    this.backButton.addEventListener('click', () => actions.back());
    this.homeButton.addEventListener('click', () => actions.home());
    for (const tab of tabs) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tabbar__item';
      button.dataset.page = tab.page;
      let icon: HTMLImageElement | null = null;
      if (tab.iconPath) {
        icon = document.createElement('img');
        icon.className = 'tabbar__icon';
        icon.alt = '';
        button.appendChild(icon);
      }
      const label = document.createElement('span');
      label.className = 'tabbar__label';
      label.textContent = tab.text;
      button.appendChild(label);
      button.addEventListener('click', () => actions.tab(tab.page));
      this.tabbar.appendChild(button);
      this.tabButtons.push({ tab, button, icon });
    }
  }

  private value(raw: string | undefined, fallback: string): string {
    return resolveThemeValue(raw, this.variables, this.theme) ?? fallback;
  }

  /** Paints the navigation bar, window background and tab bar for a theme. */
  setTheme(theme: ThemeName): void {
    this.theme = theme;
    const win = this.settings.window ?? {};
    const bar = this.settings.tabBar ?? {};
    const navText = this.value(win.navigationBarTextStyle, DEFAULTS.navigationBarTextStyle) === 'black' ? '#000000' : '#ffffff';
    this.navbar.style.setProperty('--nav-background', this.value(win.navigationBarBackgroundColor, DEFAULTS.navigationBarBackgroundColor));
    this.navbar.style.setProperty('--nav-text', navText);
    this.navbar.dataset.textStyle = navText === '#000000' ? 'black' : 'white';
    this.phone.style.setProperty('--window-background', this.value(win.backgroundColor, DEFAULTS.backgroundColor));
    // backgroundTextStyle: the pull-down dots, dark on a light window or light on a dark one.
    this.screen.dataset.backgroundText = this.value(win.backgroundTextStyle, DEFAULTS.backgroundTextStyle);
    this.tabbar.style.setProperty('--tab-background', this.value(bar.backgroundColor, DEFAULTS.tabBackgroundColor));
    this.tabbar.style.setProperty('--tab-color', this.value(bar.color, DEFAULTS.tabColor));
    this.tabbar.style.setProperty('--tab-selected-color', this.value(bar.selectedColor, DEFAULTS.tabSelectedColor));
    this.tabbar.dataset.border = this.value(bar.borderStyle, DEFAULTS.tabBorderStyle);
    this.paintTabs();
  }

  private paintTabs(): void {
    for (const { tab, button, icon } of this.tabButtons) {
      const active = tab.page === this.activeTab;
      button.classList.toggle('is-active', active);
      if (!icon) continue;
      const src = this.value(active ? tab.selectedIconPath : tab.iconPath, '');
      // Paths in app.json are relative to the mini-program root, as the preview serves them.
      if (icon.getAttribute('src') !== src) icon.setAttribute('src', src);
    }
  }

  update(state: FrameState): void {
    this.title.textContent = state.title;
    document.title = state.title ? `${state.title} · 小程序预览` : '小程序预览';
    this.backButton.hidden = !state.canGoBack;
    this.homeButton.hidden = !state.showHome;
    this.tabbar.hidden = state.activeTab === null;
    document.body.classList.toggle('has-tabbar', state.activeTab !== null);
    this.activeTab = state.activeTab;
    this.paintTabs();
    this.phone.style.setProperty('--wx-vh', `${this.windowHeight() / 100}px`);
  }

  /** WeChat's window height: the page area between the navigation bar and the tab bar. */
  private windowHeight(): number {
    if (!document.documentElement.classList.contains('shot')) return this.screen.clientHeight;
    return window.innerHeight - this.navbar.offsetHeight - (this.tabbar.hidden ? 0 : this.tabbar.offsetHeight);
  }
}
