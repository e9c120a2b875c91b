import { privateState } from '../../miniprogram/lib/private-state';

interface Counter {
  token: number;
  numbers: string[];
}

describe('privateState', () => {
  test('an owner gets the same state back each time, as it left it', () => {
    const stateOf = privateState<Counter>(() => ({ token: 0, numbers: [] }));
    const page = {};
    stateOf(page).token += 1;
    stateOf(page).numbers.push('13800138000');
    expect(stateOf(page)).toEqual({ token: 1, numbers: ['13800138000'] });
    expect(stateOf(page)).toBe(stateOf(page));
  });

  test('two copies of a page never share state, not even the initial arrays', () => {
    const stateOf = privateState<Counter>(() => ({ token: 0, numbers: [] }));
    const first = {};
    const second = {};
    stateOf(first).numbers.push('13800138000');
    expect(stateOf(second)).toEqual({ token: 0, numbers: [] });
    expect(stateOf(second).numbers).not.toBe(stateOf(first).numbers);
  });

  test('the initial state is made once per owner, on first use', () => {
    const initial = jest.fn(() => ({ token: 0, numbers: [] }));
    const stateOf = privateState<Counter>(initial);
    expect(initial).not.toHaveBeenCalled();
    const page = {};
    stateOf(page);
    stateOf(page);
    stateOf({});
    expect(initial).toHaveBeenCalledTimes(2);
  });

  test('two helpers on the same owner keep apart', () => {
    const tokens = privateState(() => ({ token: 0 }));
    const flags = privateState(() => ({ token: 100 }));
    const page = {};
    tokens(page).token = 7;
    expect(flags(page).token).toBe(100);
  });

  test('nothing of the state shows on the owner (it never reaches setData)', () => {
    const stateOf = privateState<Counter>(() => ({ token: 0, numbers: [] }));
    const page = { data: { masked: '138****8000' } };
    stateOf(page).numbers.push('13800138000');
    expect(Object.keys(page)).toEqual(['data']);
    expect(JSON.stringify(page)).not.toContain('13800138000');
  });

  test('any object may own state: a function or a frozen object', () => {
    const stateOf = privateState(() => ({ token: 0 }));
    const frozen = Object.freeze({});
    const fn = () => undefined;
    stateOf(frozen).token = 1;
    stateOf(fn).token = 2;
    expect([stateOf(frozen).token, stateOf(fn).token]).toEqual([1, 2]);
  });
});
