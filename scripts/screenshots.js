#!/usr/bin/env node
/**
 * `npm run screenshots`: captures every page of the mini-program in its main states
 * (empty, filled, error, success) from the browser preview, in headless Chromium
 * (Debian's, driven by playwright-core), as 375 px wide PNGs under docs/screenshots/,
 * and writes docs/screenshots/index.md: the gallery plus a README section to paste.
 * Three times over: light (docs/screenshots/), dark (dark/, the system in dark mode) and
 * 长辈模式 (care/, ?care=1: type at 1.6×). `npm run screenshots -- --mode=care renewal`
 * takes one mode and one story.
 *
 * Each story starts from a fresh browser profile (empty storage) and walks the app with
 * clicks and typing, as a person would; a failed step is reported and skips only the
 * rest of its story. Exits 1 if any screenshot could not be taken.
 */
const fs = require('fs');
const path = require('path');
const { buildNpm, root } = require('./build');
const { buildPreview } = require('./preview/build');
const { startPreviewServer } = require('./preview/serve');
const { launchChromium, findChromium } = require('./preview/browser');
const { PreviewDriver } = require('./preview/driver');
const { STORIES } = require('./preview/stories');

const OUT = path.join(root, 'docs', 'screenshots');
const WIDTH = 375;
const HEIGHT = 667;
/** Retina-sharp text while keeping each PNG small enough for the repository. */
const SCALE = 2;

/**
 * Each look the README shows: where its pictures go, the address query, the system scheme,
 * and the pixel scale (dark and care at 1× keep the repository light; the README shows
 * them at 250 px anyway).
 */
const MODES = [
  { name: 'light', heading: '浅色', dir: '', query: '', colorScheme: 'light', scale: SCALE },
  { name: 'dark', heading: '深色模式', dir: 'dark', query: '', colorScheme: 'dark', scale: 1 },
  { name: 'care', heading: '长辈模式（字号 1.6 倍）', dir: 'care', query: 'care=1', colorScheme: 'light', scale: 1 },
];

function galleryMarkdown(shots, prefix) {
  const rows = [];
  for (let i = 0; i < shots.length; i += 3) {
    const group = shots.slice(i, i + 3);
    rows.push(`| ${group.map((s) => `<img src="${prefix}${s.file}" width="250" alt="${s.title}">`).join(' | ')} |`);
    rows.push(`| ${group.map((s) => s.title).join(' | ')} |`);
  }
  const header = '| | | |\n|:-:|:-:|:-:|';
  return `${header}\n${rows.join('\n')}`;
}

/** One table per look; dark and care fold away so the README stays short. */
function modeGalleries(byMode, prefix) {
  return MODES.filter((mode) => byMode[mode.name]?.length)
    .map((mode) => {
      const table = galleryMarkdown(byMode[mode.name], `${prefix}${mode.dir ? `${mode.dir}/` : ''}`);
      if (!mode.dir) return `### ${mode.heading}\n\n${table}`;
      return `<details><summary><b>${mode.heading}</b></summary>\n\n${table}\n\n</details>`;
    })
    .join('\n\n');
}

function writeIndex(byMode, meta) {
  const readmeSection = [
    '## Screenshots',
    '',
    `The real pages rendered by the browser preview (\`npm start\`) at ${WIDTH} px, captured by \`npm run screenshots\` (${meta.date}): light, dark mode and 长辈模式.`,
    '',
    modeGalleries(byMode, 'docs/screenshots/'),
  ].join('\n');
  const text = [
    '# Screenshots',
    '',
    `Every page in its main states, captured from the browser preview in headless Chromium at ${WIDTH} px wide`,
    `(light at ${SCALE}× pixels, dark and 长辈模式 at 1×) by \`npm run screenshots\` on ${meta.date}. The preview renders the real WXML, WXSS and`,
    'TypeScript with real Vant components and the offline mock backend; see `scripts/preview/stories.js` for the',
    'clicks and typing behind each picture.',
    '',
    modeGalleries(byMode, ''),
    '',
    '## README section',
    '',
    'Paste this into the README (image paths are relative to the repository root):',
    '',
    '````markdown',
    readmeSection,
    '````',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(OUT, 'index.md'), text);
}

async function runStory(browser, baseUrl, story, mode, log) {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: mode.scale, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: mode.colorScheme });
  const page = await context.newPage();
  const driver = new PreviewDriver(page, baseUrl, { query: mode.query });
  const out = path.join(OUT, mode.dir);
  const taken = [];
  try {
    for (const step of story.steps) {
      if (step.do) await step.do(driver);
      if (step.shot) {
        await driver.settle(step.wait ?? 400);
        // WeChat's toasts vanish in 1.5–2.5 s: photograph the page, not the passing message.
        await page.waitForSelector('#overlay .shell-toast', { state: 'detached', timeout: 4000 }).catch(() => undefined);
        await driver.shot(path.join(out, step.shot));
        taken.push({ file: step.shot, title: step.title });
        log(`  ✓ ${step.shot}  ${step.title}`);
      }
    }
    if (driver.problems.length) log(`  ! page reported: ${driver.problems.join(' | ')}`);
    return { taken, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  ✗ story "${story.name}" stopped: ${message.split('\n')[0]}`);
    if (process.env.DEBUG) log(message);
    return { taken, error: message, missed: story.steps.filter((s) => s.shot && !taken.some((t) => t.file === s.shot)).map((s) => s.shot) };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!findChromium()) {
    console.error('chromium is not installed: run `bash scripts/install-chromium.sh` as root (apt-get install chromium fonts-noto-cjk)');
    process.exit(1);
  }
  const started = Date.now();
  await buildNpm({ quiet: true });
  const outDir = path.join(root, '.preview');
  const build = await buildPreview({ outDir });
  if (!build.localIcons) console.log('note: @vant/icons is not installed, so Vant icons need the network and may be blank');
  const args = process.argv.slice(2);
  const onlyMode = /^--mode=(\w+)$/.exec(args.find((a) => a.startsWith('--mode=')) ?? '')?.[1];
  const modes = MODES.filter((mode) => !onlyMode || mode.name === onlyMode);
  const only = args.filter((a) => !a.startsWith('--'));
  for (const mode of modes) {
    const dir = path.join(OUT, mode.dir);
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir)) if (old.endsWith('.png') && (only.length === 0 || STORIES.some((st) => only.includes(st.name) && st.steps.some((x) => x.shot === old)))) fs.rmSync(path.join(dir, old));
  }

  const server = await startPreviewServer({ dir: outDir, port: 0 });
  const { browser, close } = await launchChromium();
  const failures = [];
  let count = 0;
  try {
    for (const mode of modes) {
      for (const story of STORIES) {
        if (only.length && !only.includes(story.name)) continue;
        console.log(`${story.name} (${mode.name}):`);
        const result = await runStory(browser, server.url, story, mode, (line) => console.log(line));
        count += result.taken.length;
        if (result.error) failures.push({ story: `${story.name} (${mode.name})`, error: result.error, missed: result.missed });
      }
    }
  } finally {
    await close();
    await server.close();
  }
  // The gallery lists every picture on disk, so a run of one mode or story keeps the others.
  const steps = STORIES.flatMap((story) => story.steps.filter((x) => x.shot));
  const byMode = {};
  for (const mode of MODES) {
    const dir = path.join(OUT, mode.dir);
    byMode[mode.name] = steps.filter((x) => fs.existsSync(path.join(dir, x.shot))).map((x) => ({ file: x.shot, title: x.title }));
  }
  writeIndex(byMode, { date: new Date().toISOString().slice(0, 10) });
  console.log(`\n${count} screenshots in ${path.relative(process.cwd(), OUT)} (${((Date.now() - started) / 1000).toFixed(1)} s); gallery: docs/screenshots/index.md`);
  if (failures.length) {
    console.error(`${failures.length} stor${failures.length === 1 ? 'y' : 'ies'} failed; missing: ${failures.flatMap((f) => f.missed).join(', ')}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
