/**
 * State a page or component keeps outside `data` (tokens, timers, the full numbers
 * behind masked text): nothing in it is rendered, so it never crosses to the view.
 * Keyed by the instance, so two copies of a page never share it.
 *
 *   const stateOf = privateState<LookupState>(() => ({ token: 0, card: null }));
 *   stateOf(this).token += 1;
 */
export function privateState<S extends object>(initial: () => S): (owner: object) => S {
  const states = new WeakMap<object, S>();
  return (owner) => {
    let state = states.get(owner);
    if (!state) {
      state = initial();
      states.set(owner, state);
    }
    return state;
  };
}
