/**
 * WeChat's own offline audit of the package: miniprogram-ci's checkCodeQuality (the
 * DevTools 代码质量 panel) and analyseCode (every file, its size, and whether anything
 * reaches it).
 *
 * miniprogram-ci does not run DevTools' TypeScript compiler plugin, so on the source tree
 * it cannot see one page script (it reports "Couldn't resolve the Js file"). The audit
 * therefore runs on a throwaway copy in which each .ts file is compiled to .js (types
 * stripped, not bundled, as DevTools does) and everything else is copied as is.
 * The key file must exist for ci.Project but these two calls never use it: an empty one.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Copies projectRoot's miniprogram into dir with TypeScript compiled; returns the miniprogram root name. */
function compiledCopy(projectRoot, dir) {
  const esbuild = require('esbuild');
  const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'project.config.json'), 'utf8'));
  const miniprogramRoot = (config.miniprogramRoot || 'miniprogram/').replace(/\/$/, '');
  const copy = (from, to) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      if (entry.isDirectory()) {
        fs.mkdirSync(path.join(to, entry.name), { recursive: true });
        copy(source, path.join(to, entry.name));
      } else if (entry.name.endsWith('.d.ts')) {
        continue;
      } else if (entry.name.endsWith('.ts')) {
        const code = esbuild.transformSync(fs.readFileSync(source, 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2018', sourcefile: source }).code;
        fs.writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), code);
      } else {
        fs.copyFileSync(source, path.join(to, entry.name));
      }
    }
  };
  fs.mkdirSync(path.join(dir, miniprogramRoot), { recursive: true });
  copy(path.join(projectRoot, miniprogramRoot), path.join(dir, miniprogramRoot));
  // The copy is plain JavaScript: no compiler plugin, no npm packing step to replay.
  const setting = { ...config.setting };
  delete setting.useCompilerPlugins;
  delete setting.packNpmRelationList;
  fs.writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify({ ...config, setting }, null, 2));
  return { appid: config.appid || 'touristappid', miniprogramRoot };
}

function summarizeCheck(item) {
  const detail = item.detail;
  let summary = '';
  if (item.name === 'PACKAGE_SIZE_LIMIT' && detail) {
    summary = Object.entries(detail)
      .map(([pkg, bytes]) => `${pkg === '__APP__' ? 'main package' : pkg} ${bytes} bytes`)
      .join(', ');
  } else if (Array.isArray(detail)) {
    summary = detail.length ? `${detail.length} listed: ${detail.slice(0, 3).join(', ')}${detail.length > 3 ? ', …' : ''}` : 'none';
  } else if (detail && Array.isArray(detail.files)) {
    const names = detail.files.map((f) => (typeof f === 'string' ? f : f && (f.path || f.name || f.file)) || JSON.stringify(f));
    summary = detail.files.length ? `${detail.files.length} files, ${detail.size} bytes: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}` : 'none';
  }
  // Long file lists stay out of bench/results.json: the summary names the first few.
  return { name: item.name, success: Boolean(item.success), text: item.text || '', summary, ...(item.name === 'PACKAGE_SIZE_LIMIT' ? { detail } : {}) };
}

/**
 * Runs both audits. Never throws: a failure (no miniprogram-ci, a network need, a changed
 * API) comes back as { ok: false, error } so the bench can say so and carry on.
 */
async function runCiAudit(projectRoot) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ci-'));
  const keyFile = path.join(dir, 'empty-private.key');
  const log = console.log;
  const info = console.info;
  try {
    // miniprogram-ci prints banners on stdout (also when loaded); the bench prints its own table.
    console.log = () => {};
    console.info = () => {};
    const ci = require('miniprogram-ci');
    fs.writeFileSync(keyFile, '');
    const { appid, miniprogramRoot } = compiledCopy(projectRoot, path.join(dir, 'project'));
    const project = new ci.Project({ appid, type: 'miniProgram', projectPath: path.join(dir, 'project'), privateKeyPath: keyFile, ignores: ['node_modules/**/*'] });
    const checks = (await ci.checkCodeQuality(project)).map(summarizeCheck);
    const analysis = await ci.analyseCode(project, { silent: true });
    const files = (analysis && analysis.files) || [];
    const reachable = files.filter((f) => f.moduleId !== null && f.moduleId !== undefined);
    const unresolved = ((analysis && analysis.modules) || [])
      .flatMap((m) => m.deps || [])
      .filter((d) => d.error)
      .map((d) => d.error);
    return {
      ok: true,
      appid,
      miniprogramRoot,
      checks,
      analyse: {
        files: files.length,
        totalBytes: files.reduce((s, f) => s + f.size, 0),
        reachableFiles: reachable.length,
        reachableBytes: reachable.reduce((s, f) => s + f.size, 0),
        unresolved: [...new Set(unresolved)].slice(0, 10),
        reachablePaths: reachable.map((f) => f.path).sort(),
      },
    };
  } catch (err) {
    return { ok: false, error: err && err.message ? err.message.split('\n')[0] : String(err) };
  } finally {
    console.log = log;
    console.info = info;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runCiAudit };
