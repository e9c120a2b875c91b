/** Every page app.json declares: the main package's, then each subpackage's (root + page). */
export function allPages(appJson: { pages?: string[]; subpackages?: { root: string; pages: string[] }[]; subPackages?: { root: string; pages: string[] }[] }): string[];

export interface MiniprogramGraph {
  appJson: Record<string, any>;
  pages: string[];
  missingPages: string[];
  components: string[];
  tsModules: string[];
  files: Set<string>;
  /** Reachable templates, relative to the root ('pages/home/index.wxml'). */
  wxml: string[];
  wxs: string[];
}

/** Everything reachable from app.json, the way lazy code loading reaches it. */
export function collect(mpRoot: string): MiniprogramGraph;

/** Every .wxs file under the root, relative to it (what wcc may need). */
export function allWxs(mpRoot: string): string[];

/** Every .wxml file under the root, relative to it, leaving out subpackages' own copies of npm packages. */
export function allWxmlButCopies(mpRoot: string): string[];
