/** @jest-environment node */
/**
 * Every page of the browser preview, light and dark, as a person sees it (the audit and
 * its rules: test/support/theme-audit.ts). 长辈模式 has its own file so the two walks run
 * side by side.
 */
import { describeInBrowser, usePreviewSession } from '../support/preview-session';
import { auditEveryPage } from '../support/theme-audit';

describeInBrowser('theme e2e')('theme in the browser preview: light and dark', () => {
  const session = usePreviewSession('theme');

  test('every page: body text ≥ 4.5:1, no Vant default colours, bars as theme.json declares', () => auditEveryPage(session, false), 300000);
});
