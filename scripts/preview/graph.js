/**
 * Walks the mini-program the way WeChat's lazy code loading does: from app.json's
 * pages through each usingComponents, collecting exactly the files the preview needs
 * (json, wxss with its @imports, wxml with its imports, and the JS each component
 * requires). Pages that are not written yet are reported as missing, not fatal.
 */
const fs = require('fs');
const path = require('path');

function exists(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Turns a usingComponents value into a path relative to the mini-program root (no extension). */
function resolveComponent(fromComponent, value) {
  const joined = value.startsWith('/') ? value.slice(1) : path.posix.join(path.posix.dirname(fromComponent), value);
  return path.posix.normalize(joined);
}

/** `@import "x.wxss";` targets of a wxss file, relative to the root. */
function wxssImports(rel, text) {
  const found = [];
  const pattern = /@import\s+(?:"([^"]+)"|'([^']+)')\s*;/g;
  let match;
  while ((match = pattern.exec(text))) {
    const target = match[1] || match[2];
    found.push(target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(rel), target)));
  }
  return found;
}

/** <import src> / <include src> / <wxs src> targets of a wxml file, relative to the root. */
function wxmlImports(rel, text) {
  const found = [];
  const pattern = /<(import|include)\s[^>]*src\s*=\s*["']([^"']+)["']/g;
  let match;
  while ((match = pattern.exec(text))) {
    let target = match[2];
    if (!target.endsWith('.wxml')) target += '.wxml';
    found.push(target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(rel), target)));
  }
  return found;
}

/** <wxs src> targets of a wxml file, relative to the root. */
function wxmlScripts(rel, text) {
  const found = [];
  const pattern = /<wxs\s[^>]*src\s*=\s*["']([^"']+)["']/g;
  let match;
  while ((match = pattern.exec(text))) {
    const target = match[1];
    found.push(target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(rel), target)));
  }
  return found;
}

/** Relative require() targets of a plain JS file (Vant's compiled components) or a .wxs module. */
function jsRequires(rel, text) {
  const found = [];
  const pattern = /require\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;
  let match;
  while ((match = pattern.exec(text))) {
    let target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), match[1]));
    if (!/\.(js|wxs)$/.test(target)) target += '.js';
    found.push(target);
  }
  return found;
}

/**
 * @param {string} mpRoot absolute path of the miniprogram/ folder
 * @returns {{ appJson: object, pages: string[], missingPages: string[], components: string[],
 *   tsModules: string[], files: Set<string>, wxml: string[], wxs: string[] }}
 *   paths relative to mpRoot with forward slashes; `files` are the static files to ship,
 *   `tsModules` the TypeScript components (pages included) bundled into the runtime.
 */
/** Every page app.json declares: the main package's, then each subpackage's (root + page). */
function allPages(appJson) {
  const subs = [...(appJson.subpackages || []), ...(appJson.subPackages || [])];
  return [...(appJson.pages || []), ...subs.flatMap((sub) => (sub.pages || []).map((page) => path.posix.join(sub.root, page)))];
}

function collect(mpRoot) {
  const appJson = readJson(path.join(mpRoot, 'app.json'));
  const files = new Set();
  const wxml = new Set();
  const wxs = new Set();
  const tsModules = [];
  const components = [];
  const seen = new Set();
  const missingPages = [];
  const pages = [];

  const addWxss = (rel) => {
    if (files.has(rel) || !exists(path.join(mpRoot, rel))) return;
    files.add(rel);
    for (const dep of wxssImports(rel, fs.readFileSync(path.join(mpRoot, rel), 'utf8'))) addWxss(dep);
  };
  const addWxs = (rel) => {
    if (wxs.has(rel) || !exists(path.join(mpRoot, rel))) return;
    wxs.add(rel);
    for (const dep of jsRequires(rel, fs.readFileSync(path.join(mpRoot, rel), 'utf8'))) addWxs(dep);
  };
  const addWxml = (rel) => {
    if (wxml.has(rel) || !exists(path.join(mpRoot, rel))) return;
    wxml.add(rel);
    const text = fs.readFileSync(path.join(mpRoot, rel), 'utf8');
    for (const dep of wxmlImports(rel, text)) addWxml(dep);
    for (const dep of wxmlScripts(rel, text)) addWxs(dep);
  };
  const addJs = (rel) => {
    if (files.has(rel) || !exists(path.join(mpRoot, rel))) return;
    files.add(rel);
    for (const dep of jsRequires(rel, fs.readFileSync(path.join(mpRoot, rel), 'utf8'))) addJs(dep);
  };

  const visit = (component) => {
    if (seen.has(component)) return;
    seen.add(component);
    const base = path.join(mpRoot, component);
    if (!exists(`${base}.json`)) return;
    components.push(component);
    files.add(`${component}.json`);
    addWxss(`${component}.wxss`);
    addWxml(`${component}.wxml`);
    if (exists(`${base}.ts`)) tsModules.push(component);
    else addJs(`${component}.js`);
    const using = readJson(`${base}.json`).usingComponents || {};
    for (const value of Object.values(using)) visit(resolveComponent(component, String(value)));
  };

  for (const page of allPages(appJson)) {
    const base = path.join(mpRoot, page);
    const complete = ['.json', '.wxml', '.ts'].every((ext) => exists(base + ext));
    if (!complete) {
      missingPages.push(page);
      continue;
    }
    pages.push(page);
    visit(page);
  }
  for (const value of Object.values(appJson.usingComponents || {})) visit(resolveComponent('app', String(value)));

  return { appJson, pages, missingPages, components, tsModules, files, wxml: [...wxml], wxs: [...wxs] };
}

/**
 * Every .wxs file under the root, for wcc's list. miniprogram-compiler walks
 * usingComponents again itself and joins an absolute path onto the page's folder
 * ("/miniprogram_npm/…" from pages/bind/ becomes pages/bind/miniprogram_npm/…); where a
 * subpackage has its own miniprogram_npm that is a real template, whose .wxs wcc then
 * needs even though nothing uses it.
 */
function allWxs(mpRoot, dir = '') {
  return fs.readdirSync(path.join(mpRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return allWxs(mpRoot, rel);
    return entry.name.endsWith('.wxs') ? [rel] : [];
  });
}

/** Every .wxml file under the root, relative to it, leaving out subpackages' own copies of npm packages. */
function allWxmlButCopies(mpRoot, dir = '') {
  return fs.readdirSync(path.join(mpRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' && dir !== '' ? [] : allWxmlButCopies(mpRoot, rel);
    return entry.name.endsWith('.wxml') ? [rel] : [];
  });
}

module.exports = { collect, allWxs, allWxmlButCopies, allPages, resolveComponent, wxssImports, wxmlImports, wxmlScripts, jsRequires };
