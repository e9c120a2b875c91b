/**
 * Drives the running preview in a Playwright page the way a person would: clicks
 * (which the preview turns into WeChat taps), typing into the real inputs, and
 * waiting for text on the page that is showing. Shared by `npm run screenshots` and
 * the browser end-to-end test.
 */

/** The page on top of the preview's stack. */
const CURRENT = '#screen > .page-slot:not([hidden])';

class PreviewDriver {
  /** @param {import('playwright-core').Page} page */
  /** @param {{ query?: string }} [options] query: added to every address opened, e.g. "care=1". */
  constructor(page, baseUrl, { query = '' } = {}) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.query = query;
    /** Errors the page reported (console errors and uncaught exceptions). */
    this.problems = [];
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // The Vant icon font lives on a CDN the preview may not reach: not the app's fault.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) this.problems.push(`console: ${message.text()}`);
    });
  }

  /** Loads the preview fresh (shot: the bare phone for screenshots) at a route such as "lookup?phone=1". */
  async open(route = '', { shot = false } = {}) {
    const search = [shot ? 'shot' : '', this.query].filter(Boolean).join('&');
    await this.page.goto(`${this.baseUrl}${search ? `?${search}` : ''}#/${route}`);
    await this.page.waitForFunction(() => window.__preview && window.__preview.ready, null, { timeout: 15000 });
    await this.settle();
  }

  /** Moves the app like a link would (tab pages get the query as a handoff). */
  async go(route) {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/${route}`);
    await this.settle();
  }

  /**
   * Waits until the app has done what the last step set going: queued navigation, then
   * its short timers (transitions, the mocks' latencies; shell/idle.ts) and two frames.
   * `ms` adds a fixed pause on top, for what no timer tracks.
   */
  async settle(ms = 0) {
    await this.page.evaluate(async () => {
      await window.__preview.navigator.settled();
      await window.__preview.idle.whenIdle();
      await window.__preview.navigator.settled();
    });
    if (ms > 0) await this.page.waitForTimeout(ms);
  }

  /**
   * Waits until every CSS transition and finite animation on the page has ended (a fade,
   * a sheet sliding in); endless ones (a loading spinner) are not waited for. `timeout`
   * caps the wait, and a timeout is not an error: the caller judges what it sees.
   */
  async afterAnimations(timeout = 2000) {
    await this.page
      .waitForFunction(
        () =>
          document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
        null,
        { polling: 'raf', timeout },
      )
      .catch(() => undefined);
  }

  current() {
    return this.page.locator(CURRENT);
  }

  /** The name of the page showing (e.g. "lookup"). */
  async currentPage() {
    return this.page.locator(CURRENT).getAttribute('data-page');
  }

  /** All text on the phone (the page on top, overlays and the tab bar), whitespace folded. */
  async text() {
    const text = await this.page.locator('#phone').innerText();
    return text.replace(/\s+/g, ' ').trim();
  }

  async waitForText(fragment, timeout = 15000) {
    try {
      // Hidden pages further down the stack may hold the same words: only what shows counts.
      await this.page.locator('#phone').getByText(fragment, { exact: false }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`"${fragment}" did not appear on the phone within ${timeout} ms.\n--- phone text: ${await this.text()}`);
    }
  }

  async waitForPage(name, timeout = 15000) {
    try {
      await this.page.waitForSelector(`#screen > .page-slot[data-page="${name}"]:not([hidden])`, { timeout });
    } catch {
      throw new Error(`page "${name}" did not open; showing "${await this.currentPage()}".\n--- phone text: ${await this.text()}`);
    }
    await this.settle();
  }

  /**
   * Clicks the visible element with this text on the phone (the innermost match, so a
   * tap lands where a finger would). `within` narrows to a CSS selector first.
   */
  async tapText(text, { within, exact = false } = {}) {
    const scope = within ? this.page.locator('#phone').locator(within) : this.page.locator('#phone');
    const target = scope.getByText(text, { exact }).filter({ visible: true }).last();
    try {
      await target.click({ timeout: 10000 });
    } catch {
      throw new Error(`nothing to tap with text "${text}"${within ? ` in ${within}` : ''}.\n--- phone text: ${await this.text()}`);
    }
    await this.settle();
  }

  /** Clicks the first visible element matching a CSS selector on the phone. */
  async tap(selector) {
    await this.page.locator('#phone').locator(selector).filter({ visible: true }).first().click({ timeout: 5000 });
    await this.settle();
  }

  /** Types into a field: by placeholder text, or the n-th visible input of the page. */
  async type(value, { placeholder, index = 0, clear = true } = {}) {
    const inputs = this.current().locator('input.shell-native-input');
    const input = placeholder ? inputs.and(this.page.locator(`[placeholder*="${placeholder}"]`)).first() : inputs.filter({ visible: true }).nth(index);
    await input.click();
    if (clear) await input.fill('');
    await input.pressSequentially(value, { delay: 10 });
    await this.settle();
  }

  /** Runs something against the app's services (seeding data for screenshots). */
  async withServices(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  async shot(file) {
    await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  }
}

module.exports = { PreviewDriver, CURRENT };
