/**
 * Vant's icon stylesheet maps every one of its ~250 glyph names to a font character
 * (11 KB of the main package, minified), while the app shows a few dozen. After the npm
 * build this keeps the rules of the glyphs the app can show and drops the rest.
 *
 * "Can show" is read from the sources, on the safe side: every quoted token in our own
 * WXML, TypeScript and JSON and in the Vant components the app reaches (their templates
 * hold static names and their scripts the default icon of each part). A glyph stays when
 * its name, or the first part of it ('arrow' for 'arrow-down', which Vant's cell composes
 * from 'arrow' + direction), is such a token. A name we never wrote stays out.
 */
const fs = require('fs');
const path = require('path');

const VANT = path.join('miniprogram_npm', '@vant', 'weapp');
const GLYPH_RULE = /\.van-icon-([a-z0-9-]+):before\{content:"[^"]*"\}/g;

function walk(dir, out, skip) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip(full)) walk(full, out, skip);
    } else if (/\.(wxml|ts|js|json|wxs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Vant component folders reachable from our own usingComponents (Vant's own included). */
function reachableVant(mpRoot, ownFiles) {
  const seen = new Set();
  const queue = [];
  const add = (request) => {
    const match = /miniprogram_npm\/@vant\/weapp\/([a-z-]+)\//.exec(request) || /^\.\.\/([a-z-]+)\/index$/.exec(request);
    if (match && !seen.has(match[1])) {
      seen.add(match[1]);
      queue.push(match[1]);
    }
  };
  for (const file of ownFiles.filter((f) => f.endsWith('.json'))) {
    const using = (JSON.parse(fs.readFileSync(file, 'utf8')).usingComponents) || {};
    Object.values(using).forEach((v) => add(String(v)));
  }
  while (queue.length) {
    const json = path.join(mpRoot, VANT, queue.shift(), 'index.json');
    if (!fs.existsSync(json)) continue;
    Object.values(JSON.parse(fs.readFileSync(json, 'utf8')).usingComponents || {}).forEach((v) => add(String(v)));
  }
  return [...seen];
}

/** Every quoted token ('name', "name", `name`) of the sources that can put an icon on screen. */
function usedTokens(mpRoot) {
  const skipNpm = (dir) => path.basename(dir) === 'miniprogram_npm';
  const own = walk(mpRoot, [], skipNpm);
  const vantDirs = reachableVant(mpRoot, own).map((name) => path.join(mpRoot, VANT, name));
  const files = [...own, ...vantDirs.flatMap((dir) => walk(dir, [], () => false)), ...walk(path.join(mpRoot, VANT, 'common'), [], () => false)];
  const tokens = new Set();
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/['"`]([a-z][a-z0-9-]*)['"`]/g)) tokens.add(match[1]);
  }
  return tokens;
}

/** Rewrites the icon stylesheet in place; returns the glyphs kept and the bytes saved. */
function pruneIconStylesheet(mpRoot, tokens = usedTokens(mpRoot)) {
  const file = path.join(mpRoot, VANT, 'icon', 'index.wxss');
  const before = fs.readFileSync(file, 'utf8');
  const kept = [];
  const after = before.replace(GLYPH_RULE, (rule, name) => {
    if (tokens.has(name) || tokens.has(name.split('-')[0])) {
      kept.push(name);
      return rule;
    }
    return '';
  });
  fs.writeFileSync(file, after);
  return { kept, savedBytes: Buffer.byteLength(before) - Buffer.byteLength(after) };
}

module.exports = { pruneIconStylesheet, usedTokens, GLYPH_RULE };
