/**
 * The phone's own chrome that WeChat draws around a page: the navigation bar (title,
 * back arrow, a home button when the first page is not a tab) and the tab bar from
 * app.json. Plain DOM: these are WeChat's, not the mini-program's.
 */
export interface TabItem {
  page: string;
  text: string;
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

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview shell: #${id} is missing from index.html`);
  return el;
}

export class Frame {
  private readonly title = byId('nav-title');
  private readonly backButton = byId('nav-back');
  private readonly homeButton = byId('nav-home');
  private readonly tabbar = byId('tabbar');
  private readonly navbar = byId('nav-title').parentElement as HTMLElement;
  private readonly screen = byId('screen');
  private readonly phone = byId('phone');
  private readonly tabButtons = new Map<string, HTMLElement>();

  constructor(tabs: TabItem[], colors: { color?: string; selectedColor?: string }, actions: FrameActions) {
    this.backButton.addEventListener('click', () => actions.back());
    this.homeButton.addEventListener('click', () => actions.home());
    this.tabbar.style.setProperty('--tab-color', colors.color ?? '#646566');
    this.tabbar.style.setProperty('--tab-selected-color', colors.selectedColor ?? '#07c160');
    for (const tab of tabs) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tabbar__item';
      button.dataset.page = tab.page;
      const icon = document.createElement('span');
      icon.className = `tabbar__icon tabbar__icon--${tab.page}`;
      const label = document.createElement('span');
      label.className = 'tabbar__label';
      label.textContent = tab.text;
      button.append(icon, label);
      button.addEventListener('click', () => actions.tab(tab.page));
      this.tabbar.appendChild(button);
      this.tabButtons.set(tab.page, button);
    }
  }

  update(state: FrameState): void {
    this.title.textContent = state.title;
    document.title = state.title ? `${state.title} · 小程序预览` : '小程序预览';
    this.backButton.hidden = !state.canGoBack;
    this.homeButton.hidden = !state.showHome;
    this.tabbar.hidden = state.activeTab === null;
    document.body.classList.toggle('has-tabbar', state.activeTab !== null);
    for (const [page, button] of this.tabButtons) button.classList.toggle('is-active', page === state.activeTab);
    this.phone.style.setProperty('--wx-vh', `${this.windowHeight() / 100}px`);
  }

  /** WeChat's window height: the page area between the navigation bar and the tab bar. */
  private windowHeight(): number {
    if (!document.documentElement.classList.contains('shot')) return this.screen.clientHeight;
    return window.innerHeight - this.navbar.offsetHeight - (this.tabbar.hidden ? 0 : this.tabbar.offsetHeight);
  }
}
