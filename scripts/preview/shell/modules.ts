/**
 * Runs each page's and component's TypeScript once, inside the one app bundle, so every
 * page shares the same services() container (as in WeChat, where modules load once).
 * miniprogram-simulate calls the component's JS on every load to get a Component()
 * call; the file map's JS entry for a TypeScript component calls defineComponent(),
 * which replays the definition captured on the first run.
 */
type Definition = Record<string, unknown>;

interface ComponentGlobal {
  Component: (definition: Definition) => unknown;
}

/** simulate's registration tweaks properties in place: give it a fresh copy each time. */
function copyDefinition(definition: Definition): Definition {
  const copy: Definition = { ...definition };
  if (definition.properties && typeof definition.properties === 'object') copy.properties = { ...(definition.properties as Definition) };
  if (Array.isArray(definition.behaviors)) copy.behaviors = [...definition.behaviors];
  return copy;
}

export class ComponentModules {
  private readonly definitions = new Map<string, Definition>();

  constructor(
    private readonly factories: Record<string, () => unknown>,
    private readonly scope: ComponentGlobal = window as unknown as ComponentGlobal,
  ) {}

  has(path: string): boolean {
    return path in this.factories;
  }

  private capture(path: string): Definition {
    const factory = this.factories[path];
    if (!factory) throw new Error(`${path}.ts is not part of the preview bundle (rebuild with npm start)`);
    const register = this.scope.Component;
    let captured: Definition | undefined;
    this.scope.Component = (definition: Definition) => {
      captured = definition;
    };
    try {
      factory();
    } finally {
      this.scope.Component = register;
    }
    if (!captured) throw new Error(`${path}.ts did not call Component({...})`);
    return captured;
  }

  /** Called from the file map while simulate loads `path`: registers it via the real Component(). */
  defineComponent(path: string): void {
    let definition = this.definitions.get(path);
    if (!definition) {
      definition = this.capture(path);
      this.definitions.set(path, definition);
    }
    this.scope.Component(copyDefinition(definition));
  }
}
