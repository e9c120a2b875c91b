/**
 * miniprogram-simulate runs a component's JS with `require` and then deletes it from
 * `require.cache` so the next load runs it again. Under jest that cache is not the real
 * module registry, so the second load of a page (or of a Vant part) in one test file
 * registers nothing and renders an unknown tag. This remembers each file's Component()
 * definition the first time it runs and replays it on later loads.
 */
type Definition = Record<string, any>;

/** simulate rewrites `relations` in place (path keys → ids), so each replay gets fresh copies. */
function copyDefinition(definition: Definition): Definition {
  const copy: Definition = { ...definition };
  if (definition.relations) {
    copy.relations = {};
    for (const key of Object.keys(definition.relations)) copy.relations[key] = { ...definition.relations[key] };
  }
  return copy;
}

export function installDefinitionReplay(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils = require('miniprogram-simulate/src/utils') as { runJs: (filePath: string) => void };
  const runJs = utils.runJs;
  const remembered = new Map<string, Definition>();
  utils.runJs = (filePath: string) => {
    const register = (globalThis as any).Component as (definition: Definition) => unknown;
    let captured: Definition | null = null;
    (globalThis as any).Component = (definition: Definition) => {
      captured = copyDefinition(definition);
      return register(definition);
    };
    try {
      runJs(filePath);
    } finally {
      (globalThis as any).Component = register;
    }
    if (captured) remembered.set(filePath, captured);
    else if (remembered.has(filePath)) register(copyDefinition(remembered.get(filePath)!));
  };
}
