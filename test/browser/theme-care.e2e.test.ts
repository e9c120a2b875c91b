/** @jest-environment node */
/** Every page of the browser preview in 长辈模式 (?care=1, type at 1.6×), light and dark (test/support/theme-audit.ts). */
import { describeInBrowser, usePreviewSession } from '../support/preview-session';
import { auditEveryPage } from '../support/theme-audit';

describeInBrowser('care e2e')('长辈模式 in the browser preview', () => {
  const session = usePreviewSession('care');

  test('长辈模式, type at 1.6×: every page as in light and dark, no clipped or off-screen text, tap targets ≥ 48 px', () => auditEveryPage(session, true), 300000);
});
