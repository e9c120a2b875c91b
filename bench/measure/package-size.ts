/**
 * The code package as it would upload: every file reachable from app.json, the way
 * WeChat DevTools decides it with `ignoreUploadUnusedFiles` and lazy code loading.
 *
 * Reachability follows the edges the runtime follows: app.json pages (and subpackage
 * pages), usingComponents of every page and component (Vant's own included), require()
 * in JS, <wxs>/<import>/<include> src in WXML, require() in WXS and @import in WXSS.
 * Every file goes through the transforms DevTools applies before upload (see
 * devtools-pipeline.ts: TypeScript and ES5 through Babel, with runtime helpers as files of
 * their own; terser, cssnano and the WXML minifier as project.config.json asks), so both
 * figures are what DevTools would upload: unminified, and minified per the project.
 *
 * Needs a Node test environment: esbuild (the fallback compiler) refuses to run under jsdom.
 */
import fs from 'fs';
import path from 'path';
import { createPipeline, type Pipeline } from './devtools-pipeline';

export type FileOrigin = 'own' | 'vant' | 'npm' | 'helpers';

export interface PackageFile {
  /** Relative to the miniprogram root, with forward slashes. */
  path: string;
  origin: FileOrigin;
  /** Bytes as uploaded without minification (TypeScript compiled). */
  bytes: number;
  /** Bytes after minification (JS, WXSS, WXML, JSON). */
  minifiedBytes: number;
}

/** One code package as WeChat builds it: the main package, or a subpackage by its root. */
export interface PackagePart {
  /** 'main', or the subpackage's name (its root when unnamed). */
  name: string;
  /** '' for the main package. */
  root: string;
  files: number;
  bytes: number;
  minifiedBytes: number;
}

export interface PackageMeasure {
  files: PackageFile[];
  /** The main package first, then each subpackage in app.json order. */
  packages: PackagePart[];
  /**
   * References WeChat cannot follow: main-package files that need a subpackage's file, or
   * one subpackage reaching into another (only subpackage → main is allowed).
   */
  crossPackage: { from: string; to: string }[];
  totalBytes: number;
  minifiedBytes: number;
  byOrigin: Record<FileOrigin, { files: number; bytes: number; minifiedBytes: number }>;
  /** The compiler the figures come from (DevTools' own, or the esbuild fallback). */
  compiler: string;
  /** Vant components the pages pull in, directly or through other Vant components. */
  vantComponents: string[];
  /** Own source files no page reaches (they would not upload). */
  unreachableOwn: string[];
  /** Edges that named a file that does not exist (a broken page, or a measuring gap). */
  missing: { from: string; request: string }[];
}

const CODE_EXTENSIONS = ['.ts', '.js', '.wxml', '.wxss', '.json', '.wxs'];
const STATIC_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'];

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A subpackage may carry its own miniprogram_npm (pages/packages/miniprogram_npm/...). */
function originOf(rel: string): FileOrigin {
  if (rel.startsWith('@babel/runtime/')) return 'helpers';
  if (/(^|\/)miniprogram_npm\/@vant\//.test(rel)) return 'vant';
  if (/(^|\/)miniprogram_npm\//.test(rel)) return 'npm';
  return 'own';
}

function minifyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function requiresIn(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

/** require.async('…') targets (分包异步化): another package's module, fetched when first needed. */
function asyncRequiresIn(code: string): string[] {
  return [...code.matchAll(/\brequire\.async\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

function wxmlSources(text: string): string[] {
  return [...text.matchAll(/<(?:wxs|import|include)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

function wxssImports(text: string): string[] {
  return [...text.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

/** Images and other assets named by a path in WXML or WXSS (own pages only use a few). */
function assetReferences(text: string): string[] {
  const pattern = new RegExp(`["'(]\\s*([^"'()\\s{}]+(?:${STATIC_EXTENSIONS.map((e) => `\\${e}`).join('|')}))\\s*["')]`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

export class PackageWalker {
  private readonly files = new Map<string, PackageFile>();
  private readonly components = new Set<string>();
  private readonly modules = new Set<string>();
  private readonly visited = new Set<string>();
  readonly missing: { from: string; request: string }[] = [];

  constructor(
    private readonly root: string,
    private readonly pipeline: Pipeline,
  ) {}

  private exists(rel: string): boolean {
    const abs = path.join(this.root, rel);
    return fs.existsSync(abs) && fs.statSync(abs).isFile();
  }

  private read(rel: string): string {
    return fs.readFileSync(path.join(this.root, rel), 'utf8');
  }

  /** A request against a file: '/x' from the root, './x' '../x' from the file's folder. */
  private resolvePath(fromRel: string, request: string): string {
    const base = request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(fromRel), request);
    return path.posix.normalize(base);
  }

  private subpackages: { name: string; root: string }[] = [];
  private readonly edges: { from: string; to: string }[] = [];

  /** The package a file uploads in: the subpackage whose root holds it, else the main package. */
  private packageOf(rel: string): string {
    return this.subpackages.find((sub) => rel.startsWith(`${sub.root}/`))?.root ?? '';
  }

  private edge(from: string, to: string): void {
    this.edges.push({ from, to });
  }

  /** True the first time a file is seen: each file is walked once. */
  private first(rel: string): boolean {
    if (this.visited.has(rel)) return false;
    this.visited.add(rel);
    return true;
  }

  private add(rel: string, content: string | Buffer, minified: string | Buffer): void {
    if (this.files.has(rel)) return;
    this.files.set(rel, {
      path: rel,
      origin: originOf(rel),
      bytes: typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length,
      minifiedBytes: typeof minified === 'string' ? Buffer.byteLength(minified, 'utf8') : minified.length,
    });
  }

  /** app.json plus every page listed in it (main package and subpackages). */
  async walkApp(): Promise<void> {
    const appJson = JSON.parse(this.read('app.json')) as {
      pages?: string[];
      subpackages?: { root: string; name?: string; pages: string[] }[];
      subPackages?: { root: string; name?: string; pages: string[] }[];
      sitemapLocation?: string;
      themeLocation?: string;
      darkmode?: boolean;
      tabBar?: { list?: { iconPath?: string; selectedIconPath?: string }[] };
    };
    await this.component('app', { isApp: true });
    for (const page of appJson.pages ?? []) await this.component(page);
    const subs = [...(appJson.subpackages ?? []), ...(appJson.subPackages ?? [])];
    this.subpackages = subs.map((sub) => ({ name: sub.name || sub.root, root: sub.root.replace(/^\/|\/$/g, '') }));
    for (const sub of subs) {
      for (const page of sub.pages) await this.component(path.posix.join(sub.root, page));
    }
    if (appJson.sitemapLocation) this.plainFile(appJson.sitemapLocation, 'app.json');
    // With darkmode, "@name" values come from theme.json, and both themes' icons upload.
    let theme: Record<string, Record<string, string>> = {};
    if (appJson.darkmode && appJson.themeLocation) {
      this.plainFile(appJson.themeLocation, 'app.json');
      if (this.exists(appJson.themeLocation)) theme = JSON.parse(this.read(appJson.themeLocation));
    }
    const values = (value: string) => (value.startsWith('@') ? Object.values(theme).map((vars) => vars[value.slice(1)] ?? value) : [value]);
    for (const item of appJson.tabBar?.list ?? []) {
      for (const icon of [item.iconPath, item.selectedIconPath]) if (icon) for (const file of values(icon)) this.plainFile(file, 'app.json');
    }
  }

  private plainFile(rel: string, from: string): void {
    const clean = path.posix.normalize(rel.replace(/^\//, ''));
    if (!this.exists(clean)) {
      this.missing.push({ from, request: rel });
      return;
    }
    const content = fs.readFileSync(path.join(this.root, clean));
    this.add(clean, content, clean.endsWith('.json') ? minifyJson(content.toString('utf8')) : content);
  }

  /** One page or component: its json, wxml, wxss and script, then what they use. */
  async component(base: string, options: { isApp?: boolean } = {}): Promise<void> {
    if (this.components.has(base)) return;
    this.components.add(base);
    const json = `${base}.json`;
    if (this.exists(json)) {
      const text = this.read(json);
      this.add(json, text, minifyJson(text));
      const parsed = JSON.parse(text) as { usingComponents?: Record<string, string>; componentGenerics?: Record<string, { default?: string }> };
      const used = Object.values(parsed.usingComponents ?? {});
      for (const generic of Object.values(parsed.componentGenerics ?? {})) if (generic && generic.default) used.push(generic.default);
      for (const request of used) {
        if (request.startsWith('plugin://')) continue;
        const target = this.resolvePath(json, request).replace(/\.(json|js|ts|wxml)$/, '');
        this.edge(json, target);
        if (this.exists(`${target}.json`)) await this.component(target);
        else if (this.exists(`${target}/index.json`)) await this.component(`${target}/index`);
        else this.missing.push({ from: json, request });
      }
    } else if (!options.isApp) {
      this.missing.push({ from: base, request: `${base}.json` });
    }
    if (this.exists(`${base}.wxml`)) await this.wxml(`${base}.wxml`);
    if (this.exists(`${base}.wxss`)) await this.wxss(`${base}.wxss`);
    const script = this.resolveModule(base, `./${path.posix.basename(base)}`);
    if (script) await this.script(script);
    else this.missing.push({ from: base, request: `${base}.ts|.js` });
  }

  private async wxml(rel: string): Promise<void> {
    if (!this.first(rel)) return;
    const text = this.read(rel);
    const out = await this.pipeline.wxml(rel, text);
    this.add(rel, out.code, out.minified);
    for (const request of wxmlSources(text)) {
      const target = this.resolvePath(rel, request);
      this.edge(rel, target);
      if (!this.exists(target)) this.missing.push({ from: rel, request });
      else if (target.endsWith('.wxs')) this.wxs(target);
      else await this.wxml(target);
    }
    this.assets(rel, text);
  }

  /** WXS is uploaded as written (DevTools does not run it through Babel or terser). */
  private wxs(rel: string): void {
    if (!this.first(rel)) return;
    const text = this.read(rel);
    this.add(rel, text, text);
    for (const request of requiresIn(text)) {
      const target = this.resolvePath(rel, request);
      if (this.exists(target)) this.wxs(target);
      else this.missing.push({ from: rel, request });
    }
  }

  private async wxss(rel: string): Promise<void> {
    if (!this.first(rel)) return;
    const text = this.read(rel);
    const out = await this.pipeline.wxss(rel, text);
    this.add(rel, out.code, out.minified);
    for (const request of wxssImports(text)) {
      const target = this.resolvePath(rel, request);
      if (this.exists(target)) await this.wxss(target);
      else this.missing.push({ from: rel, request });
    }
    this.assets(rel, text);
  }

  private assets(from: string, text: string): void {
    for (const request of assetReferences(text)) {
      if (/^(https?:|data:|\/\/)/.test(request) || request.includes('{{')) continue;
      const target = this.resolvePath(from, request);
      if (this.exists(target) && this.first(target)) {
        const content = fs.readFileSync(path.join(this.root, target));
        this.add(target, content, content);
      }
    }
  }

  /**
   * A script request from a file or component base: relative and absolute paths try
   * .ts, .js, /index.ts, /index.js; a bare name looks in miniprogram_npm as WeChat does.
   */
  private resolveModule(fromRel: string, request: string): string | null {
    const candidatesFor = (p: string) => [p, `${p}.ts`, `${p}.js`, `${p}/index.ts`, `${p}/index.js`];
    const target = request.startsWith('.') || request.startsWith('/') ? this.resolvePath(fromRel, request) : `miniprogram_npm/${request}`;
    return candidatesFor(target).find((c) => /\.(ts|js)$/.test(c) && this.exists(c)) ?? null;
  }

  private async script(rel: string): Promise<void> {
    if (this.modules.has(rel)) return;
    this.modules.add(rel);
    const source = this.read(rel);
    const compiled = await this.pipeline.script(rel, source);
    this.add(rel.replace(/\.ts$/, '.js'), compiled.code, compiled.minified);
    for (const helper of compiled.helpers) await this.helper(helper);
    for (const request of requiresIn(compiled.code)) {
      // Helper requires are the compiler's own, already counted above.
      if (request.includes('@babel/runtime/')) continue;
      const target = this.resolveModule(rel, request);
      if (target) this.edge(rel, target);
      if (target) await this.script(target);
      else this.missing.push({ from: rel, request });
    }
    // Fetched across packages on purpose: the target uploads with its own package, and the
    // edge is WeChat's sanctioned one, so it is walked but not listed as a cross-package need.
    for (const request of asyncRequiresIn(compiled.code)) {
      const target = this.resolveModule(rel, request.replace(/\.js$/, ''));
      if (target) await this.script(target);
      else this.missing.push({ from: rel, request });
    }
  }

  /** A runtime helper the compiler adds as a file of its own (with the helpers it needs). */
  private async helper(packagePath: string): Promise<void> {
    if (!this.first(packagePath)) return;
    const out = await this.pipeline.helper(packagePath);
    this.add(packagePath, out.code, out.minified);
    for (const dep of out.deps) await this.helper(dep);
  }

  result(): PackageMeasure {
    const files = [...this.files.values()].sort((a, b) => a.path.localeCompare(b.path));
    const byOrigin: PackageMeasure['byOrigin'] = {
      own: { files: 0, bytes: 0, minifiedBytes: 0 },
      vant: { files: 0, bytes: 0, minifiedBytes: 0 },
      npm: { files: 0, bytes: 0, minifiedBytes: 0 },
      helpers: { files: 0, bytes: 0, minifiedBytes: 0 },
    };
    for (const f of files) {
      byOrigin[f.origin].files += 1;
      byOrigin[f.origin].bytes += f.bytes;
      byOrigin[f.origin].minifiedBytes += f.minifiedBytes;
    }
    // A part used from two packages is listed once (the package it uploads in is in `files`).
    const vantComponents = [
      ...new Set(
        [...this.components]
          .map((c) => /(?:^|\/)miniprogram_npm\/@vant\/weapp\/(.+)\/index$/.exec(c)?.[1])
          .filter((name): name is string => Boolean(name)),
      ),
    ].sort();
    const parts: PackagePart[] = [{ name: 'main', root: '' }, ...this.subpackages].map(({ name, root }) => {
      const mine = files.filter((f) => this.packageOf(f.path) === root);
      return {
        name,
        root,
        files: mine.length,
        bytes: mine.reduce((sum, f) => sum + f.bytes, 0),
        minifiedBytes: mine.reduce((sum, f) => sum + f.minifiedBytes, 0),
      };
    });
    const crossPackage = this.edges.filter(({ from, to }) => {
      const target = this.packageOf(to);
      return target !== '' && target !== this.packageOf(from);
    });
    const uploaded = new Set(files.map((f) => f.path));
    const unreachableOwn = listOwnSources(this.root).filter((rel) => !uploaded.has(rel.replace(/\.ts$/, '.js')));
    return {
      files,
      packages: parts,
      crossPackage,
      totalBytes: files.reduce((s, f) => s + f.bytes, 0),
      minifiedBytes: files.reduce((s, f) => s + f.minifiedBytes, 0),
      byOrigin,
      compiler: this.pipeline.name,
      vantComponents,
      unreachableOwn,
      missing: this.missing,
    };
  }
}

/** Every own source file under the root (miniprogram_npm and typings excluded). */
function listOwnSources(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const rel = toPosix(path.relative(root, abs));
      if (entry.isDirectory()) {
        if (entry.name !== 'miniprogram_npm' && !entry.name.startsWith('.')) visit(abs);
      } else if ([...CODE_EXTENSIONS, ...STATIC_EXTENSIONS].includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
        out.push(rel);
      }
    }
  };
  visit(root);
  return out.sort();
}

/** Measures the package rooted at `miniprogramRoot` (the folder holding app.json). */
export async function measurePackage(miniprogramRoot: string, pipeline: Pipeline = createPipeline()): Promise<PackageMeasure> {
  const walker = new PackageWalker(miniprogramRoot, pipeline);
  await walker.walkApp();
  return walker.result();
}
