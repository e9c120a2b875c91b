/**
 * WeChat's privacy agreement (`__usePrivacyCheck__`) behind a small interface.
 *
 * When a page uses a privacy-guarded API or component (the getPhoneNumber button) before
 * the user has agreed, WeChat holds the call and fires onNeedPrivacyAuthorization; the
 * page must show its own popup and answer with resolve({ buttonId, event: 'agree' }) —
 * after the user tapped a `<button open-type="agreePrivacyAuthorization">` — or
 * resolve({ event: 'disagree' }). WeChat keeps only the last registered listener, so
 * this service registers once and hands each event to the page on top.
 */

import type { PrivacyAnswer, PrivacyPrompt, PrivacyResolve, PrivacyService } from '../contracts';

/** The popups of the pages on screen, newest last: WeChat's event goes to the top one. */
class PromptStack {
  private readonly prompts: PrivacyPrompt[] = [];

  push(prompt: PrivacyPrompt): () => void {
    this.prompts.push(prompt);
    return () => {
      const at = this.prompts.lastIndexOf(prompt);
      if (at >= 0) this.prompts.splice(at, 1);
    };
  }

  /** Without a popup on screen nobody can agree, so the held call is refused. */
  dispatch(resolve: PrivacyResolve, referrer: string): void {
    const top = this.prompts[this.prompts.length - 1];
    if (top) top(resolve, referrer);
    else resolve({ event: 'disagree' });
  }
}

type WxPrivacyListener = (resolve: PrivacyResolve, info?: { referrer?: string }) => void;

export class WxPrivacyService implements PrivacyService {
  private readonly stack = new PromptStack();
  private listening = false;

  onNeed(prompt: PrivacyPrompt): () => void {
    if (!this.listening && typeof wx.onNeedPrivacyAuthorization === 'function') {
      this.listening = true;
      // The API typings give this listener the wrong signature; this is the documented one.
      const register = wx.onNeedPrivacyAuthorization as unknown as (listener: WxPrivacyListener) => void;
      register((resolve, info) => this.stack.dispatch(resolve, info?.referrer ?? ''));
    }
    return this.stack.push(prompt);
  }

  require(): Promise<boolean> {
    return new Promise((resolve) => {
      // Base libraries before 2.32.3 have no privacy check: nothing to agree to.
      if (typeof wx.requirePrivacyAuthorize !== 'function') {
        resolve(true);
        return;
      }
      wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
    });
  }

  openContract(): void {
    if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
  }
}

/** Stands in for WeChat in tests and the offline preview; remembers the user's answer. */
export class FakePrivacyService implements PrivacyService {
  private readonly stack = new PromptStack();
  agreed: boolean;
  readonly answers: PrivacyAnswer[] = [];
  contractOpened = 0;

  constructor(options: { agreed?: boolean } = {}) {
    this.agreed = options.agreed ?? false;
  }

  onNeed(prompt: PrivacyPrompt): () => void {
    return this.stack.push(prompt);
  }

  async require(): Promise<boolean> {
    if (this.agreed) return true;
    const answer = await this.trigger('requirePrivacyAuthorize');
    return answer.event === 'agree';
  }

  /** What WeChat does when a privacy-guarded API is used: asks the page on top, once not agreed. */
  trigger(referrer: string): Promise<PrivacyAnswer> {
    if (this.agreed) return Promise.resolve({ event: 'agree', buttonId: '' });
    return new Promise((done) => {
      this.stack.dispatch((answer) => {
        this.answers.push(answer);
        if (answer.event === 'agree') this.agreed = true;
        done(answer);
      }, referrer);
    });
  }

  openContract(): void {
    this.contractOpened += 1;
  }
}

/** The real one inside WeChat; outside it (tests, the browser preview) there is no check to pass. */
export function defaultPrivacyService(): PrivacyService {
  const hasWxPrivacy = typeof wx !== 'undefined' && typeof wx.requirePrivacyAuthorize === 'function';
  return hasWxPrivacy ? new WxPrivacyService() : new FakePrivacyService({ agreed: true });
}

/**
 * One page's side of the agreement: shows the page's popup when WeChat asks, passes the
 * user's answer back, and never leaves WeChat's held call waiting when the page goes.
 */
export class PrivacyPromptSession {
  private resolve: PrivacyResolve | null = null;
  private unregister: (() => void) | null;

  constructor(service: PrivacyService, show: () => void) {
    this.unregister = service.onNeed((resolve) => {
      this.resolve = resolve;
      show();
    });
  }

  agree(buttonId: string): void {
    this.answer({ event: 'agree', buttonId });
  }

  disagree(): void {
    this.answer({ event: 'disagree' });
  }

  close(): void {
    this.unregister?.();
    this.unregister = null;
    this.disagree();
  }

  private answer(answer: PrivacyAnswer): void {
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.(answer);
  }
}
