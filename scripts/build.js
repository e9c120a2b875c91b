#!/usr/bin/env node
/**
 * Builds what WeChat DevTools (and the tests) need beside the sources:
 * miniprogram/miniprogram_npm, packed offline from package.json "dependencies"
 * by miniprogram-ci. It is a build output and never committed.
 */
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');

async function buildNpm({ quiet = false } = {}) {
  const ci = require('miniprogram-ci');
  const started = Date.now();
  // miniprogram-ci prints a banner on stdout; keep the build output readable.
  const log = console.log;
  if (quiet) console.log = () => {};
  try {
    const result = await ci.packNpmManually({
      packageJsonPath: path.join(root, 'package.json'),
      miniprogramNpmDistDir: path.join(root, 'miniprogram'),
    });
    if (result.warnList && result.warnList.length) {
      for (const w of result.warnList) log(`npm build warning: ${w.msg || JSON.stringify(w)}`);
    }
  } finally {
    console.log = log;
  }
  const vant = path.join(root, 'miniprogram', 'miniprogram_npm', '@vant', 'weapp', 'button', 'index.json');
  if (!fs.existsSync(vant)) throw new Error('miniprogram_npm was not built: Vant is missing');
  return Date.now() - started;
}

module.exports = { buildNpm, root };

if (require.main === module) {
  buildNpm({ quiet: true })
    .then((ms) => console.log(`miniprogram_npm built in ${ms} ms`))
    .catch((err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(1);
    });
}
