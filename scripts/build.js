#!/usr/bin/env node
/**
 * Builds what WeChat DevTools (and the tests) need beside the sources: the miniprogram_npm
 * folders project.config.json's packNpmRelationList names, packed offline from
 * package.json "dependencies" by miniprogram-ci. They are build outputs, never committed.
 *
 * The first entry is the main package's (miniprogram/miniprogram_npm). The others are
 * subpackages that carry their own copy, so Vant parts only they use stay out of the
 * main package (WeChat resolves a subpackage's components from its own folder). All
 * entries pack the same package.json, so each subpackage copy is the main one copied:
 * packing once and copying gives the same files in a fraction of the time.
 *
 * A build is skipped when the dependencies installed are the ones the last build packed
 * (a stamp under node_modules/.cache); `--force` packs anyway.
 */
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const STAMP = path.join(root, 'node_modules', '.cache', 'miniprogram-npm.stamp');
/** Bumped when the build's own steps change, so a stamp from an older build is not trusted. */
const BUILD_STEPS = 'packNpmManually + icon glyphs pruned';

/** The packNpmRelationList entries, as absolute folders that receive a miniprogram_npm. */
function npmTargets() {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  const list = (config.setting && config.setting.packNpmRelationList) || [];
  if (!list.length) throw new Error('project.config.json has no packNpmRelationList');
  return list.map((entry) => ({
    packageJsonPath: path.resolve(root, entry.packageJsonPath),
    distDir: path.resolve(root, entry.miniprogramNpmDistDir),
  }));
}

/** What the packed output depends on: the dependency list and the version installed of each. */
function dependencyFingerprint(packageJsonPath) {
  const pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  const deps = Object.keys(pkg.dependencies || {}).sort();
  const installed = deps.map((name) => {
    const file = path.join(path.dirname(packageJsonPath), 'node_modules', name, 'package.json');
    return `${name}@${fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : 'missing'}`;
  });
  return crypto.createHash('sha256').update(JSON.stringify({ steps: BUILD_STEPS, installed, targets: npmTargets().map((t) => path.relative(root, t.distDir)) })).digest('hex');
}

function vantMarker(distDir) {
  return path.join(distDir, 'miniprogram_npm', '@vant', 'weapp', 'button', 'index.json');
}

function isBuilt(targets, fingerprint) {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === fingerprint && targets.every((t) => fs.existsSync(vantMarker(t.distDir)));
}

async function buildNpm({ quiet = false, force = false } = {}) {
  const started = Date.now();
  const targets = npmTargets();
  const [main, ...subpackages] = targets;
  const fingerprint = dependencyFingerprint(main.packageJsonPath);
  if (!force && isBuilt(targets, fingerprint)) return { ms: Date.now() - started, skipped: true };

  const ci = require('miniprogram-ci');
  // miniprogram-ci prints a banner on stdout; keep the build output readable.
  const log = console.log;
  if (quiet) console.log = () => {};
  try {
    // A dependency dropped from package.json must not linger in the output.
    fs.rmSync(path.join(main.distDir, 'miniprogram_npm'), { recursive: true, force: true });
    const result = await ci.packNpmManually({ packageJsonPath: main.packageJsonPath, miniprogramNpmDistDir: main.distDir });
    if (result.warnList && result.warnList.length) {
      for (const w of result.warnList) log(`npm build warning: ${w.msg || JSON.stringify(w)}`);
    }
  } finally {
    console.log = log;
  }
  if (!fs.existsSync(vantMarker(main.distDir))) throw new Error('miniprogram_npm was not built: Vant is missing');
  // Only the glyphs the app can show (see scripts/vant-icons.js); the subpackage copies follow.
  require('./vant-icons').pruneIconStylesheet(main.distDir);
  for (const sub of subpackages) {
    if (sub.packageJsonPath !== main.packageJsonPath) throw new Error(`${path.relative(root, sub.distDir)}: every packNpmRelationList entry must pack the same package.json`);
    const target = path.join(sub.distDir, 'miniprogram_npm');
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(main.distDir, 'miniprogram_npm'), target, { recursive: true });
  }
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, fingerprint);
  return { ms: Date.now() - started, skipped: false };
}

module.exports = { buildNpm, npmTargets, root };

if (require.main === module) {
  buildNpm({ quiet: true, force: process.argv.includes('--force') })
    .then(({ ms, skipped }) => console.log(skipped ? `miniprogram_npm up to date (${ms} ms)` : `miniprogram_npm built in ${ms} ms`))
    .catch((err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(1);
    });
}
