import { Countdown } from '../../../miniprogram/pages/bind/countdown';

const START = Date.UTC(2026, 10, 25, 2, 30, 0);

/**
 * jest's modern fake timers also fake Date.now(): advancing them moves the clock and fires
 * the interval in step; setSystemTime moves the clock alone (the app was in the background).
 */
function setup() {
  const ticks: number[] = [];
  const countdown = new Countdown(() => Date.now(), (left) => ticks.push(left));
  return {
    countdown,
    ticks,
    now: () => Date.now(),
    pass: (ms: number) => jest.advanceTimersByTime(ms),
    jump: (ms: number) => jest.setSystemTime(Date.now() + ms),
  };
}

beforeEach(() => jest.useFakeTimers({ now: START }));
afterEach(() => {
  expect(jest.getTimerCount()).toBe(0);
  jest.useRealTimers();
});

describe('Countdown', () => {
  test('counts whole seconds down to 0, once each, then stops its timer', () => {
    const t = setup();
    t.countdown.start(t.now() + 3000);
    expect(t.ticks).toEqual([3]);
    t.pass(1000);
    t.pass(1000);
    t.pass(1000);
    expect(t.ticks).toEqual([3, 2, 1, 0]);
    t.pass(5000);
    expect(t.ticks).toEqual([3, 2, 1, 0]);
  });

  test('a part second rounds up: 2.5 s left shows 3', () => {
    const t = setup();
    t.countdown.start(t.now() + 2500);
    expect(t.ticks).toEqual([3]);
    t.pass(500);
    expect(t.ticks).toEqual([3]);
    t.pass(2500);
    expect(t.ticks).toEqual([3, 2, 1, 0]);
  });

  test('after a pause it shows the real time left, not where the timer stopped', () => {
    const t = setup();
    t.countdown.start(t.now() + 60_000);
    t.pass(2000);
    t.jump(40_000);
    t.countdown.tick();
    expect(t.ticks).toEqual([60, 59, 58, 18]);
    t.jump(100_000);
    t.countdown.tick();
    expect(t.ticks.slice(-1)).toEqual([0]);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a moment already past shows 0 at once and starts no timer', () => {
    const t = setup();
    t.countdown.start(t.now() - 1000);
    expect(t.ticks).toEqual([0]);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('the same second is not sent twice (a tick with no news sends nothing)', () => {
    const t = setup();
    t.countdown.start(t.now() + 10_000);
    t.countdown.tick();
    t.countdown.tick();
    expect(t.ticks).toEqual([10]);
    t.countdown.stop();
  });

  test('stop() ends the ticks; a stopped countdown may stop again', () => {
    const t = setup();
    t.countdown.start(t.now() + 5000);
    t.pass(1000);
    t.countdown.stop();
    t.countdown.stop();
    t.pass(10_000);
    expect(t.ticks).toEqual([5, 4]);
  });

  test('start() again replaces the running countdown and shows its first value', () => {
    const t = setup();
    t.countdown.start(t.now() + 5000);
    t.pass(1000);
    t.countdown.start(t.now() + 5000);
    expect(jest.getTimerCount()).toBe(1);
    expect(t.ticks).toEqual([5, 4, 5]);
    t.pass(5000);
    expect(t.ticks).toEqual([5, 4, 5, 4, 3, 2, 1, 0]);
  });

  test('a clock set back while counting shows more time left, then counts on', () => {
    const t = setup();
    t.countdown.start(t.now() + 3000);
    t.jump(-2000);
    t.pass(1000);
    expect(t.ticks).toEqual([3, 4]);
    t.countdown.stop();
  });
});
