/**
 * WeChat calls a component's `ready` after its first render, also for components that
 * appear later (a list filled once data arrives). miniprogram-simulate fires `ready`
 * only once, for what exists when the page attaches, so Vant parts rendered later
 * (grid items, tabs...) never finish their setup. Every Component() therefore gets an
 * `attached` that schedules `ready` right after, run at most once per instance.
 */
type Lifetime = (this: Record<string, any>, ...args: unknown[]) => unknown;
type Options = Record<string, any> & { lifetimes?: Record<string, Lifetime>; attached?: Lifetime; ready?: Lifetime };

const READY_DONE = '__previewReadyDone';

export function withLateReady(options: Options): Options {
  const lifetimes = options.lifetimes ?? {};
  const ready = lifetimes.ready ?? options.ready;
  if (typeof ready !== 'function') return options;
  const attached = lifetimes.attached ?? options.attached;
  const readyOnce: Lifetime = function (...args) {
    if (this[READY_DONE]) return undefined;
    this[READY_DONE] = true;
    return ready.apply(this, args);
  };
  const attachedThenReady: Lifetime = function (...args) {
    const result = typeof attached === 'function' ? attached.apply(this, args) : undefined;
    // On the first attach simulate's own ready comes synchronously after; later inserts get this one.
    void Promise.resolve().then(() => readyOnce.call(this));
    return result;
  };
  return { ...options, attached: attachedThenReady, ready: readyOnce, lifetimes: { ...lifetimes, attached: attachedThenReady, ready: readyOnce } };
}

/** Wraps the global Component() constructor (simulate's) for every later registration. */
export function installLateReady(scope: { Component: (options: Options) => unknown }): void {
  const register = scope.Component;
  scope.Component = (options: Options) => register(withLateReady(options));
}
