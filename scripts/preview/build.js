#!/usr/bin/env node
/**
 * Builds the browser preview into .preview/: the real pages (same WXML, WXSS and
 * TypeScript, real Vant) rendered by miniprogram-simulate's browser bundle.
 *
 *   simulate.js  miniprogram-simulate's own browser build, with rpx scaled for a 375 px frame
 *   wxml.js      every reachable template compiled by WeChat's wcc (as the page tests do)
 *   files.js     window.__FILE_MAP__: json, wxss and Vant's JS, keyed by path
 *   app.js       one esbuild bundle: the preview shell, services and every page's TypeScript,
 *                so all pages share one services() container, as in WeChat
 */
const fs = require('fs');
const path = require('path');
const { collect, allWxs } = require('./graph');

const projectRoot = path.resolve(__dirname, '..', '..');
/** Where the mini-program lives inside the browser's file map. */
const MP = '/mp';
/** rpx → px for a 375 px wide phone: WeChat's 750 rpx screen width. */
const RPX_SCALE = 375 / 750;

function read(file) {
  return fs.readFileSync(file, 'utf8');
}

/** Inlines @import so app.wxss can be prepended to each page's own wxss. */
function inlineWxss(file, seen = new Set()) {
  if (seen.has(file) || !fs.existsSync(file)) return '';
  seen.add(file);
  return read(file).replace(/@import\s+(?:"([^"]+)"|'([^']+)')\s*;/g, (_all, a, b) =>
    inlineWxss(path.resolve(path.dirname(file), a || b), seen),
  );
}

/**
 * Text patches to miniprogram-simulate's browser bundle, each checked to apply exactly
 * as often as expected so an upgrade that moves the code fails the build loudly.
 */
const SIMULATE_PATCHES = [
  {
    why: 'simulate turns Nrpx into Npx one to one (a 750 px screen): scale it for the 375 px phone',
    from: "style.replace(/(\\d+)rpx/ig, '$1px')",
    to: "style.replace(/(\\d*\\.?\\d+)rpx/ig, function (_m, n) { return (Math.round(n * window.__RPX_SCALE__ * 100) / 100) + 'px' })",
    count: 2,
  },
  {
    why: "WeChat measures rects (createSelectorQuery) from the page's window, below the navigation bar",
    from: 'const rect = node.$$.getBoundingClientRect()',
    to: 'const rect = window.__wxRect ? window.__wxRect(node.$$) : node.$$.getBoundingClientRect()',
    count: 1,
  },
  {
    why: "selectViewport() is the page's window, not the browser's",
    from: 'itemRes.width = document.documentElement.clientWidth',
    to: 'itemRes.width = window.__wxViewport ? window.__wxViewport().width : document.documentElement.clientWidth',
    count: 1,
  },
  {
    why: "selectViewport() is the page's window, not the browser's",
    from: 'itemRes.height = document.documentElement.clientHeight',
    to: 'itemRes.height = window.__wxViewport ? window.__wxViewport().height : document.documentElement.clientHeight',
    count: 1,
  },
  {
    why: "j-component keys an element's event bindings by event name, so Vant swipe-cell's capture-bind:touchmove (the drag) is lost under its catchtouchmove: key them by attribute",
    from: 'event[eventObj.name] = eventObj',
    to: 'event[name] = eventObj',
    count: 2,
  },
  {
    why: "<canvas type=\"2d\"> is reached through the selector query's node field, which simulate does not fill",
    from: '            if (fields.context) {',
    to: '            if (fields.node) {\n              itemRes.node = window.__wxNode ? window.__wxNode(node) : null\n            }\n            if (fields.context) {',
    count: 1,
  },
  {
    why: "Vant's tabs and others batch updates with this.groupSetData (base library 2.4+), which simulate's component lacks",
    from: 'caller.getRelationNodes = relationKey => {',
    to: "caller.groupSetData = fn => { if (typeof fn === 'function') fn() };\n        caller.getRelationNodes = relationKey => {",
    count: 1,
  },
];

function patchSimulate(source) {
  let patched = source;
  for (const patch of SIMULATE_PATCHES) {
    const found = patched.split(patch.from).length - 1;
    if (found !== patch.count) {
      throw new Error(`miniprogram-simulate's build.js changed: expected ${patch.count} × "${patch.from}" (${patch.why}), found ${found}`);
    }
    patched = patched.split(patch.from).join(patch.to);
  }
  return patched;
}

function compileWxml(mpRoot, wxmlList, wxsList) {
  const compiler = require('miniprogram-compiler');
  const code = compiler.wxmlToJs(mpRoot, { wxmlList, wxsList, maxBuffer: 256 * 1024 * 1024 });
  return [
    'window.__webview_engine_version__ = 0.02;',
    `window.__GWX__ = (function () {${code}\n})();`,
  ].join('\n');
}

/**
 * Vant's icon font is loaded from a CDN, which an offline preview (and CI) cannot reach.
 * @vant/icons (same iconfont build as @vant/weapp 1.11) ships it inline as woff2: when
 * that package is installed, the preview uses it; otherwise icons stay blank offline.
 */
function localIconFont(root) {
  let file;
  try {
    file = require.resolve('@vant/icons/src/encode-woff2.less', { paths: [root] });
  } catch {
    return null;
  }
  const match = /url\(['"]?(data:font\/woff2[^'")]+)['"]?\)/.exec(read(file));
  return match ? match[1] : null;
}

function useLocalIconFont(wxss, dataUrl) {
  return wxss.replace(/(@font-face\{[^}]*font-family:\s*["']?vant-icon["']?[^}]*?)src:[^;}]+/, (_all, head) => `${head}src:url(${dataUrl}) format("woff2")`);
}

/**
 * In WeChat 100vh is the page's window (below the navigation bar, above the tab bar);
 * in the browser it would be the whole browser window. The shell sets --wx-vh to 1% of
 * the phone's page area.
 */
function windowHeightUnits(wxss) {
  return wxss.replace(/(^|[\s:(,+*/-])(\d*\.?\d+)vh\b/g, (_all, before, n) => `${before}calc(var(--wx-vh, 1vh) * ${n})`);
}

/** Top-level blocks of a stylesheet ("selector { ... }" or "@media ... { ... }"), comments dropped. */
function cssBlocks(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) {
      blocks.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return blocks.filter(Boolean);
}

/**
 * The rules of app.wxss that style Vant's inner classes. Vant's components declare
 * addGlobalClass, so in WeChat app.wxss reaches inside them; simulate scopes every
 * component's classes, so the preview appends these rules to each Vant component's own
 * wxss (where simulate gives them that component's scope). @media wrappers are kept.
 */
function sharedClassRules(appWxss) {
  const keep = (block) => {
    const open = block.indexOf('{');
    const head = block.slice(0, open).trim();
    if (head.startsWith('@media')) {
      const inner = cssBlocks(block.slice(open + 1, -1)).filter(keep);
      return inner.length ? `${head}{${inner.join('')}}` : '';
    }
    return /\.van-/.test(head) ? block : '';
  };
  return cssBlocks(appWxss).map(keep).filter(Boolean).join('\n');
}

function fileMapScript(root, mpRoot, graph) {
  const map = {};
  const iconFont = localIconFont(root);
  const appWxss = inlineWxss(path.join(mpRoot, 'app.wxss'));
  const vantShared = sharedClassRules(appWxss);
  const pageSet = new Set(graph.pages);
  for (const rel of graph.files) {
    let text = read(path.join(mpRoot, rel));
    if (rel.endsWith('.js')) {
      // simulate's browser require passes only (require, module).
      text = `var exports = module.exports;\n${text}`;
    } else if (rel.endsWith('.wxss') && pageSet.has(rel.slice(0, -5))) {
      // WeChat applies app.wxss to every page (never inside components).
      text = `${appWxss}\n${text}`;
    } else if (rel.endsWith('/@vant/weapp/icon/index.wxss') && iconFont) {
      text = useLocalIconFont(text, iconFont);
    }
    if (rel.endsWith('.wxss') && rel.includes('/@vant/weapp/') && vantShared) text = `${text}\n${vantShared}`;
    if (rel.endsWith('.wxss')) text = windowHeightUnits(text);
    map[`${MP}/${rel}`] = text;
  }
  for (const page of graph.pages) {
    if (!map[`${MP}/${page}.wxss`]) map[`${MP}/${page}.wxss`] = windowHeightUnits(appWxss);
  }
  for (const component of graph.tsModules) {
    map[`${MP}/${component}.js`] = `window.__preview.defineComponent(${JSON.stringify(component)});`;
  }
  const lines = [`window.__FILE_MAP__ = ${JSON.stringify(map)};`, 'window.__RPX_SCALE__ = ' + RPX_SCALE + ';'];
  for (const rel of graph.wxml) {
    lines.push(`window.__FILE_MAP__[${JSON.stringify(`${MP}/${rel}`)}] = window.__GWX__(${JSON.stringify(rel)});`);
  }
  return lines.join('\n');
}

/** theme.json's light/dark variables when app.json turns dark mode on (WeChat ignores it otherwise). */
function themeVariables(mpRoot, appJson) {
  if (!appJson.darkmode || !appJson.themeLocation) return null;
  const file = path.join(mpRoot, appJson.themeLocation);
  return fs.existsSync(file) ? JSON.parse(read(file)) : null;
}

/** Copies the mini-program's pictures (tab icons, empty states), served at the same paths as in WeChat. */
function copyAssets(mpRoot, outDir) {
  const from = path.join(mpRoot, 'assets');
  if (!fs.existsSync(from)) return;
  fs.rmSync(path.join(outDir, 'assets'), { recursive: true, force: true });
  fs.cpSync(from, path.join(outDir, 'assets'), { recursive: true });
}

function runtimeEntry(root, mpRoot, graph) {
  const abs = (rel) => JSON.stringify(path.join(mpRoot, rel).split(path.sep).join('/'));
  const modules = graph.tsModules.map((c) => `    ${JSON.stringify(c)}: () => require(${abs(`${c}.ts`)}),`).join('\n');
  const pageWindows = {};
  for (const page of graph.pages) {
    const json = JSON.parse(read(path.join(mpRoot, `${page}.json`)));
    pageWindows[page] = { title: json.navigationBarTitleText, pullDownRefresh: Boolean(json.enablePullDownRefresh) };
  }
  const shell = JSON.stringify(path.join(root, 'scripts', 'preview', 'shell', 'boot.ts').split(path.sep).join('/'));
  // The mock carrier's documented demo numbers, listed beside the phone for people to try.
  const demoNumbers = `() => require(${abs('backends/offline/gateway.ts')}).DEMO_NUMBERS`;
  return `
require(${shell}).boot({
  root: ${JSON.stringify(MP)},
  appJson: ${JSON.stringify(graph.appJson)},
  theme: ${JSON.stringify(themeVariables(mpRoot, graph.appJson) ?? null)} || undefined,
  pages: ${JSON.stringify(graph.pages)},
  missingPages: ${JSON.stringify(graph.missingPages)},
  pageWindows: ${JSON.stringify(pageWindows)},
  container: () => require(${abs('services/container.ts')}),
  app: () => require(${abs('app.ts')}),
  demoNumbers: ${demoNumbers},
  lazyModules: {
    autoTopupEngine: () => require(${abs('pages/autotopup/engine/index.ts')}),
    invoiceRules: () => require(${abs('pages/invoice/rules.ts')}),
    checkoutEngine: () => require(${abs('pages/confirm/checkout/index.ts')}),
    offlineBackend: () => require(${abs('backends/offline/index.ts')}),
  },
  modules: {
${modules}
  },
});
`;
}

async function bundleRuntime(root, mpRoot, graph, outFile) {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    stdin: { contents: runtimeEntry(root, mpRoot, graph), resolveDir: root, sourcefile: 'preview-entry.js', loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'safari15', 'firefox100'],
    sourcemap: true,
    outfile: outFile,
    logLevel: 'silent',
    metafile: true,
    // npm packages the pages import (dayjs) come from the project's node_modules.
    nodePaths: [path.join(root, 'node_modules')],
  });
  return result;
}

/**
 * @param {{ root?: string, mpRoot?: string, outDir?: string }} [options]
 * @returns {Promise<{ ms: number, outDir: string, pages: string[], missingPages: string[], bytes: number }>}
 */
async function buildPreview(options = {}) {
  const started = Date.now();
  const root = options.root || projectRoot;
  const mpRoot = options.mpRoot || path.join(root, 'miniprogram');
  const outDir = options.outDir || path.join(root, '.preview');
  if (!fs.existsSync(path.join(mpRoot, 'miniprogram_npm'))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build:npm` first');
  }
  const graph = collect(mpRoot);
  fs.mkdirSync(outDir, { recursive: true });

  const simulateSource = read(require.resolve('miniprogram-simulate/build.js'));
  fs.writeFileSync(path.join(outDir, 'simulate.js'), patchSimulate(simulateSource));
  fs.writeFileSync(path.join(outDir, 'wxml.js'), compileWxml(mpRoot, graph.wxml, allWxs(mpRoot)));
  fs.writeFileSync(path.join(outDir, 'files.js'), fileMapScript(root, mpRoot, graph));
  await bundleRuntime(root, mpRoot, graph, path.join(outDir, 'app.js'));
  for (const name of fs.readdirSync(path.join(__dirname, 'static'))) {
    fs.copyFileSync(path.join(__dirname, 'static', name), path.join(outDir, name));
  }
  copyAssets(mpRoot, outDir);

  let bytes = 0;
  for (const name of fs.readdirSync(outDir)) {
    const stat = fs.statSync(path.join(outDir, name));
    if (stat.isFile()) bytes += stat.size;
  }
  return { ms: Date.now() - started, outDir, pages: graph.pages, missingPages: graph.missingPages, bytes, localIcons: Boolean(localIconFont(root)) };
}

module.exports = { buildPreview, patchSimulate, windowHeightUnits, sharedClassRules, RPX_SCALE, MP };

if (require.main === module) {
  buildPreview()
    .then((r) => {
      console.log(`preview built in ${r.ms} ms → ${path.relative(process.cwd(), r.outDir) || '.'} (${Math.round(r.bytes / 1024)} KB)`);
      if (r.missingPages.length) console.log(`pages not written yet: ${r.missingPages.join(', ')}`);
    })
    .catch((err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(1);
    });
}
