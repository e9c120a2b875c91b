#!/usr/bin/env node
/**
 * `npm start`: builds miniprogram_npm and the browser preview, then serves the preview
 * on a local port (PORT, default 5173) until Ctrl-C. With --build-only, or when CI=true,
 * it builds, prints how to open the project in WeChat DevTools, and exits.
 */
const path = require('path');
const { buildNpm, root } = require('./build');
const { buildPreview } = require('./preview/build');
const { startPreviewServer } = require('./preview/serve');

const DEFAULT_PORT = 5173;

function devToolsHelp() {
  return [
    'WeChat DevTools (微信开发者工具):',
    `  1. 导入项目 → 目录选 ${root}（含 project.config.json 的文件夹）`,
    '  2. AppID 用测试号（project.config.json 里是 touristappid），不用登录云开发',
    '  3. 工具 → 构建 npm 已由 npm start 完成（miniprogram/miniprogram_npm 和几个分包各自的 miniprogram_npm）；改了 dependencies 后再跑一次 npm start',
  ].join('\n');
}

async function main() {
  const buildOnly = process.argv.includes('--build-only') || process.env.CI === 'true';
  const npm = await buildNpm({ quiet: true });
  console.log(npm.skipped ? 'miniprogram_npm up to date' : `miniprogram_npm built in ${npm.ms} ms`);
  const preview = await buildPreview();
  console.log(`preview built in ${preview.ms} ms → ${path.relative(process.cwd(), preview.outDir) || '.'}`);
  if (preview.missingPages.length) console.log(`pages not written yet (shown as placeholders): ${preview.missingPages.join(', ')}`);

  if (buildOnly) {
    console.log(`\nbuild only: serve it with \`npm start\` (no --build-only, CI unset), or open the project in DevTools.\n${devToolsHelp()}`);
    return;
  }

  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  let server;
  try {
    server = await startPreviewServer({ dir: preview.outDir, port });
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') {
      console.error(`port ${port} is already in use: start on another one with PORT=5174 npm start`);
      process.exit(1);
    }
    throw err;
  }
  console.log(`\npreview: ${server.url}`);
  console.log('the real pages in a 375 px phone frame, offline mock backend, data kept in this browser.');
  console.log('Ctrl-C stops.\n');
  console.log(devToolsHelp());

  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
