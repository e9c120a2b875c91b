/**
 * Debian's Chromium driven by playwright-core (no browser download). Flags from the
 * machine notes: headless, no sandbox as root, and no background networking (a closed
 * network otherwise refuses Chromium's own connections many times at start).
 */
const fs = require('fs');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium executable, or null when none is installed. */
function findChromium() {
  for (const candidate of CANDIDATES) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  // CI sets REQUIRE_BROWSER=1: there a missing browser must fail the journeys, not skip them.
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error('REQUIRE_BROWSER=1 but chromium is not installed: run scripts/install-chromium.sh (as root)');
  }
  return null;
}

/** The browser's own network, none of which the preview needs. */
const FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/**
 * @returns {Promise<{ browser: import('playwright-core').Browser, close: () => Promise<void> }>}
 */
async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium is not installed: run scripts/install-chromium.sh (as root) or apt-get install chromium fonts-noto-cjk');
  const { chromium } = require('playwright-core');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // playwright gives each launch a new empty profile of its own.
    args: [...FLAGS, ...(isRoot ? ['--no-sandbox'] : [])],
    chromiumSandbox: !isRoot,
  });
  return {
    browser,
    close: () => browser.close().catch(() => undefined),
  };
}

module.exports = { findChromium, launchChromium };
