/**
 * WeChat's privacy check (`__usePrivacyCheck__`), imitated: until the user agrees, a
 * privacy-guarded call (wx.requirePrivacyAuthorize, the getPhoneNumber button) is held
 * and the listener from wx.onNeedPrivacyAuthorization is asked; the page shows its own
 * popup and answers agree (after its agreePrivacyAuthorization button) or disagree.
 * Without a listener WeChat shows its own prompt: here a plain modal. The answer is
 * remembered in this browser ("清空演示数据" forgets it).
 */
import { showModal } from './ui';

const AGREED_KEY = 'preview:privacy-agreed';

type Answer = { event?: string; buttonId?: string } | undefined;
type Listener = (resolve: (answer: Answer) => void, info: { referrer: string }) => void;

let listener: Listener | null = null;

export function privacyAgreed(): boolean {
  return window.localStorage.getItem(AGREED_KEY) === '1';
}

/** The agreePrivacyAuthorization button was tapped. */
export function markPrivacyAgreed(): void {
  window.localStorage.setItem(AGREED_KEY, '1');
}

/** wx.onNeedPrivacyAuthorization: WeChat keeps only the last listener. */
export function onNeedPrivacyAuthorization(next: Listener): void {
  listener = next;
}

/** Resolves true once the user has agreed (before, or now when asked). */
export function askPrivacy(referrer: string): Promise<boolean> {
  if (privacyAgreed()) return Promise.resolve(true);
  if (!listener) {
    return showModal({ title: '用户隐私保护提示', content: '使用前请阅读并同意《用户隐私保护指引》（预览演示）', confirmText: '同意', cancelText: '拒绝' }).then((agree) => {
      if (agree) markPrivacyAgreed();
      return agree;
    });
  }
  const ask = listener;
  return new Promise((done) => {
    ask(
      (answer) => {
        const agree = answer?.event === 'agree';
        if (agree) markPrivacyAgreed();
        done(agree);
      },
      { referrer },
    );
  });
}
