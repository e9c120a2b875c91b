/**
 * The file transforms WeChat DevTools applies before it uploads, taken from the compiler
 * DevTools shares with miniprogram-ci (its "summer" compiler), run offline:
 * - scripts: Babel with the TypeScript plugin (useCompilerPlugins: typescript) and, with
 *   `enhance`, preset-env down to ES5 plus @babel/runtime helpers, which become files of
 *   their own in the package; then terser when `minified`;
 * - WXSS: postcss (autoprefixer when `postcss`, cssnano when `minifyWXSS`);
 * - WXML: DevTools' WXML minifier when `minifyWXML`.
 * These are miniprogram-ci internals (dist paths, not its public API), so a version that
 * moves them makes the bench fall back to esbuild and say so in the table.
 *
 * Compiled results are cached by content under node_modules/.cache/bench-devtools, so
 * repeated runs recompile only what changed (Vant's hundred scripts rarely do).
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { transformSync } from 'esbuild';
import { PROJECT_ROOT } from './paths';

export interface ProjectSettings {
  enhance: boolean;
  minified: boolean;
  minifyWXML: boolean;
  minifyWXSS: boolean;
  postcss: boolean;
}

export interface CompiledScript {
  /** As uploaded without minification. */
  code: string;
  /** As uploaded with the project's minify setting (equal to code when it is off). */
  minified: string;
  /** Package paths of runtime helpers the script requires (e.g. @babel/runtime/helpers/asyncToGenerator.js). */
  helpers: string[];
}

export interface Pipeline {
  /** Which compiler produced the figures, for the table. */
  name: string;
  settings: ProjectSettings;
  script(rel: string, source: string): Promise<CompiledScript>;
  /** A runtime helper's file content, with the helpers it needs in turn. */
  helper(packagePath: string): Promise<{ code: string; minified: string; deps: string[] }>;
  wxss(rel: string, source: string): Promise<{ code: string; minified: string }>;
  wxml(rel: string, source: string): Promise<{ code: string; minified: string }>;
}

export function readProjectSettings(projectRoot = PROJECT_ROOT): ProjectSettings {
  const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'project.config.json'), 'utf8')) as { setting?: Record<string, unknown> };
  const s = config.setting ?? {};
  return {
    enhance: s.enhance === true,
    minified: s.minified === true,
    minifyWXML: s.minifyWXML === true,
    minifyWXSS: s.minifyWXSS === true,
    postcss: s.postcss === true,
  };
}

/* ------------------------------------------------------------------ cache */

const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'bench-devtools');

async function cached<T>(parts: string[], make: () => Promise<T>): Promise<T> {
  const key = crypto.createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const file = path.join(CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    const value = await make();
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(value));
    } catch {
      // A cache that cannot be written only costs time.
    }
    return value;
  }
}

/* ------------------------------------------------------ DevTools' pipeline */

interface CiInternals {
  version: string;
  bableCompile(file: string, input: { sourceCode: string }, options: Record<string, unknown>): Promise<{ code: string; map?: unknown; helpers: string[] }>;
  doCompress(file: string, input: { code: string; map?: unknown }): Promise<{ code: string }>;
  getHelperDeps(helpers: string[], root: string): Record<string, boolean>;
  getHelperContent(helper: string, root: string): Promise<string>;
  compileWXSS(input: { code: string; filePath: string; setting: Record<string, unknown> }): Promise<{ error: unknown; code: string }>;
  minifyWXML(input: { code: string; filePath: string; setting: Record<string, unknown> }): Promise<{ error?: unknown; code: string }>;
}

const BABEL_ROOT = '@babel/runtime';

/** miniprogram-ci logs as it loads and compiles; the bench prints its own table. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  const info = console.info;
  console.log = () => undefined;
  console.info = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
    console.info = info;
  }
}

function loadCiInternals(): CiInternals {
  // miniprogram-api-typings declares its own `require` without resolve(); Node's is what runs here.
  const dist = path.dirname((require as unknown as NodeJS.Require).resolve('miniprogram-ci'));
  const task = (rel: string) => jest.requireActual<Record<string, any>>(path.join(dist, rel));
  const log = console.log;
  console.log = () => undefined;
  try {
    const babel = task('modules/corecompiler/summer/plugins/script_task/babel_script_task.js');
    const minify = task('modules/corecompiler/summer/plugins/script_task/minify_script_task.js');
    const helpers = task('utils/babel_helper.js');
    const wxss = task('modules/corecompiler/original/workerThread/task/compilewxss.js');
    const wxml = task('modules/corecompiler/original/workerThread/task/minifywxml.js');
    const version = (jest.requireActual<{ version: string }>(path.join(dist, '..', 'package.json')) as { version: string }).version;
    const compileWXSS = typeof wxss === 'function' ? wxss : wxss.default;
    const needed = [babel.bableCompile, minify.doCompress, helpers.getHelperDeps, helpers.getHelperContent, compileWXSS, wxml.minifyWXML];
    if (needed.some((fn) => typeof fn !== 'function')) throw new Error('miniprogram-ci internals have moved');
    return {
      version,
      bableCompile: babel.bableCompile,
      doCompress: minify.doCompress,
      getHelperDeps: helpers.getHelperDeps,
      getHelperContent: helpers.getHelperContent,
      compileWXSS,
      minifyWXML: wxml.minifyWXML,
    };
  } finally {
    console.log = log;
  }
}

/** The package path of a helper request such as '@babel/runtime/helpers/typeof'. */
function helperFile(helper: string): string {
  return helper.endsWith('.js') ? helper : `${helper}.js`;
}

function devtoolsPipeline(settings: ProjectSettings): Pipeline {
  const ci = loadCiInternals();
  const tag = `ci ${ci.version} ${JSON.stringify(settings)}`;
  const minifyScript = async (rel: string, code: string) => (settings.minified ? (await ci.doCompress(rel, { code })).code : code);
  return {
    name: `WeChat DevTools compiler from miniprogram-ci ${ci.version} (Babel${settings.enhance ? ' + ES5 enhance' : ''}, terser, cssnano, WXML minifier)`,
    settings,
    script: (rel, source) =>
      cached(['script', tag, rel, source], () =>
        quietly(async () => {
          const compiled = await ci.bableCompile(rel, { sourceCode: source }, { typescript: true, enhance: settings.enhance, babelRoot: BABEL_ROOT });
          // getHelperDeps consumes its array: hand it a copy.
          const helpers = Object.keys(ci.getHelperDeps([...compiled.helpers], BABEL_ROOT)).map(helperFile);
          return { code: compiled.code, minified: await minifyScript(rel, compiled.code), helpers };
        }),
      ),
    helper: (packagePath) =>
      cached(['helper', tag, packagePath], () =>
        quietly(async () => {
          const request = packagePath.replace(/\.js$/, '');
          const code = await ci.getHelperContent(request, BABEL_ROOT);
          const deps = Object.keys(ci.getHelperDeps([request], BABEL_ROOT))
            .filter((d) => d !== request)
            .map(helperFile);
          return { code, minified: await minifyScript(packagePath, code), deps };
        }),
      ),
    wxss: (rel, source) =>
      cached(['wxss', tag, rel, source], () =>
        quietly(async () => {
          const plain = await ci.compileWXSS({ code: source, filePath: rel, setting: { postcss: settings.postcss, minifyWXSS: false } });
          const small = await ci.compileWXSS({ code: source, filePath: rel, setting: { postcss: settings.postcss, minifyWXSS: settings.minifyWXSS } });
          if (plain.error || small.error) throw new Error(`WXSS ${rel}: ${JSON.stringify(plain.error || small.error)}`);
          return { code: plain.code, minified: small.code };
        }),
      ),
    wxml: (rel, source) =>
      cached(['wxml', tag, rel, source], () =>
        quietly(async () => {
          if (!settings.minifyWXML) return { code: source, minified: source };
          const out = await ci.minifyWXML({ code: source, filePath: rel, setting: { collapseWhitespace: true, conservativeCollapse: false, preserveLineBreaks: false } });
          if (out.error) throw new Error(`WXML ${rel}: ${JSON.stringify(out.error)}`);
          return { code: source, minified: out.code };
        }),
      ),
  };
}

/* ------------------------------------------------------------ the fallback */

/** esbuild stands in when DevTools' compiler cannot be loaded: types stripped, no ES5, no helpers. */
function esbuildPipeline(settings: ProjectSettings, reason: string): Pipeline {
  const minifyJs = (code: string) => (settings.minified ? transformSync(code, { loader: 'js', minify: true, target: 'es2018' }).code : code);
  return {
    name: `esbuild fallback (DevTools' compiler unavailable: ${reason})`,
    settings,
    script: async (rel, source) => {
      const code = rel.endsWith('.ts') ? transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2018', sourcefile: rel }).code : source;
      return { code, minified: minifyJs(code), helpers: [] };
    },
    helper: async () => ({ code: '', minified: '', deps: [] }),
    wxss: async (_rel, source) => ({ code: source, minified: settings.minifyWXSS ? transformSync(source, { loader: 'css', minify: true }).code : source }),
    wxml: async (_rel, source) => ({
      code: source,
      minified: settings.minifyWXML
        ? source
            .replace(/<!--[\s\S]*?-->/g, '')
            .replace(/>\s+</g, '><')
            .replace(/\s+/g, ' ')
            .trim()
        : source,
    }),
  };
}

/** DevTools' own pipeline when it loads, else esbuild (named in `name`). */
export function createPipeline(settings = readProjectSettings()): Pipeline {
  try {
    return devtoolsPipeline(settings);
  } catch (err) {
    return esbuildPipeline(settings, err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}
