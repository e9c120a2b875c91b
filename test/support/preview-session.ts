/**
 * One browser-suite file's preview: built into a temporary folder, served on a free port,
 * with its own Chromium, all set up before the file's tests and removed after them.
 * Files that find no Chromium skip their tests and say so (scripts/install-chromium.sh).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser } from 'playwright-core';
import { buildPreview } from '../../scripts/preview/build';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview/serve';
import { findChromium, launchChromium } from '../../scripts/preview/browser';

export interface PreviewSession {
  /** The served preview's address, set once beforeAll has run. */
  url: string;
  browser: Browser;
}

/** `describe` when Chromium is installed, else `describe.skip` with a warning naming the file. */
export function describeInBrowser(what: string): jest.Describe {
  if (findChromium()) return describe;
  console.warn(`${what} skipped: chromium not installed (run scripts/install-chromium.sh as root)`);
  return describe.skip;
}

/** Registers the file's beforeAll/afterAll; the returned session is filled in before the first test. */
export function usePreviewSession(name: string): PreviewSession {
  const session = {} as PreviewSession;
  let outDir = '';
  let server: PreviewServer | null = null;
  let closeBrowser: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), `preview-${name}-`));
    await buildPreview({ outDir });
    server = await startPreviewServer({ dir: outDir, port: 0 });
    const launched = await launchChromium();
    closeBrowser = launched.close;
    session.url = server.url;
    session.browser = launched.browser;
  }, 60000);

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  return session;
}
