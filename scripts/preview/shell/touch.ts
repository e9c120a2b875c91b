/**
 * miniprogram-simulate makes WeChat's `tap` out of touchstart + touchend, as WeChat
 * does. A desktop browser sends mouse events instead, so a press of the primary
 * button becomes touchstart, a move touchmove, and the release touchend (a drag of
 * more than 10 px cancels the tap there, as it does on a phone). Real touch screens
 * already send touch events; the mouse events they emulate afterwards are ignored.
 * A press outside a text field does not start a text selection: on a phone a drag
 * moves things (a swipe-to-delete row), it does not select them.
 */
const EMULATED_MOUSE_WINDOW_MS = 800;

interface Point {
  identifier: number;
  target: EventTarget;
  clientX: number;
  clientY: number;
  pageX: number;
  pageY: number;
  screenX: number;
  screenY: number;
}

function touchEvent(type: string, point: Point, active: boolean): Event {
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  const list = [point];
  Object.defineProperty(event, 'touches', { value: active ? list : [] });
  Object.defineProperty(event, 'targetTouches', { value: active ? list : [] });
  Object.defineProperty(event, 'changedTouches', { value: list });
  return event;
}

function pointOf(event: MouseEvent, target: EventTarget): Point {
  return { identifier: 1, target, clientX: event.clientX, clientY: event.clientY, pageX: event.pageX, pageY: event.pageY, screenX: event.screenX, screenY: event.screenY };
}

/** Maps the mouse to touches for everything under `area` (the phone's screen). */
export function installMouseTouches(area: HTMLElement): void {
  let pressedOn: EventTarget | null = null;
  let lastRealTouch = 0;

  const realTouch = () => {
    lastRealTouch = Date.now();
  };
  area.addEventListener('touchstart', (e) => e.isTrusted && realTouch(), { capture: true, passive: true });
  area.addEventListener('touchend', (e) => e.isTrusted && realTouch(), { capture: true, passive: true });
  const emulated = () => Date.now() - lastRealTouch < EMULATED_MOUSE_WINDOW_MS;

  area.addEventListener('mousedown', (event) => {
    if (event.button !== 0 || emulated() || !event.target) return;
    pressedOn = event.target;
    if (!(event.target instanceof Element && event.target.closest('input, textarea'))) event.preventDefault();
    pressedOn.dispatchEvent(touchEvent('touchstart', pointOf(event, pressedOn), true));
  });
  window.addEventListener('mousemove', (event) => {
    if (!pressedOn || emulated()) return;
    pressedOn.dispatchEvent(touchEvent('touchmove', pointOf(event, pressedOn), true));
  });
  window.addEventListener('mouseup', (event) => {
    if (!pressedOn || event.button !== 0) return;
    const target = pressedOn;
    pressedOn = null;
    target.dispatchEvent(touchEvent('touchend', pointOf(event, target), false));
  });
}
