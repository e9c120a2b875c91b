/** Test doubles for the services that stand for the device and time. */
import type { AlbumError, Canvas2D, Canvas2DContext, CalendarEvent, Clock, ContactChoice, ContactError, DeviceService, Navigator, PageName, Query } from '../../miniprogram/services/contracts';
import type { Result } from '../../miniprogram/core/types';
import { ALBUM_MESSAGES } from '../../miniprogram/services/wx/device';

/** One call on a recording canvas, with the style in force when it was made. */
export interface CanvasCall {
  op: string;
  args: unknown[];
  fillStyle: unknown;
  font: string;
  textAlign: string;
}

/** A 2D context that records every call, so a test can read the picture back from what was drawn. */
export class RecordingContext implements Canvas2DContext {
  readonly calls: CanvasCall[] = [];
  fillStyle: unknown = '#000000';
  strokeStyle: unknown = '#000000';
  lineWidth = 1;
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';

  private note(op: string, args: unknown[]): void {
    this.calls.push({ op, args, fillStyle: this.fillStyle, font: this.font, textAlign: this.textAlign });
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    this.note('fillRect', [x, y, width, height]);
  }

  fillText(text: string, x: number, y: number): void {
    this.note('fillText', [text, x, y]);
  }

  beginPath(): void {
    this.note('beginPath', []);
  }

  moveTo(x: number, y: number): void {
    this.note('moveTo', [x, y]);
  }

  lineTo(x: number, y: number): void {
    this.note('lineTo', [x, y]);
  }

  stroke(): void {
    this.note('stroke', []);
  }

  setLineDash(segments: number[]): void {
    this.note('setLineDash', [segments]);
  }

  scale(x: number, y: number): void {
    this.note('scale', [x, y]);
  }

  /** Wide characters one em, others about half: close enough for layout checks. */
  measureText(text: string): { width: number } {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
    const width = Array.from(String(text)).reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? size : size * 0.55), 0);
    return { width };
  }

  /** Every text drawn, in order. */
  texts(): string[] {
    return this.calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]));
  }
}

/** Time that moves only when told to. sleep() advances it at once, so mock latency and timeouts cost nothing. */
export class FakeClock implements Clock {
  private ms: number;

  constructor(start: number | string = '2026-11-25T10:00:00+08:00') {
    this.ms = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(at: number | string): void {
    this.ms = typeof at === 'number' ? at : Date.parse(at);
  }

  async sleep(ms: number): Promise<void> {
    this.ms += Math.max(0, ms);
    await Promise.resolve();
  }
}

/** Records what the pages asked of the device and answers from queues the test sets. */
export class FakeDevice implements DeviceService {
  readonly toasts: { message: string; kind: string }[] = [];
  readonly confirms: { title: string; content: string }[] = [];
  readonly copied: string[] = [];
  readonly calls: string[] = [];
  readonly calendar: CalendarEvent[] = [];
  readonly subscribeRequests: string[][] = [];
  /** Answers for the next confirm() calls; true (confirm) when empty. */
  confirmAnswers: boolean[] = [];
  calendarAnswer: Result<void, 'denied' | 'failed'> = { ok: true, value: undefined };
  subscribeAccepts = true;
  /** What the next chooseContact() answers; the picker is cancelled when nothing is queued. */
  contactAnswers: Result<ContactChoice, ContactError>[] = [];
  contactPicks = 0;
  pullDownStops = 0;
  /** Canvases handed out (their contexts record the drawing). */
  readonly canvases: { scope: object; selector: string; size: { width: number; height: number }; context: RecordingContext }[] = [];
  canvasAvailable = true;
  readonly images: Canvas2D[] = [];
  imageAnswer: Result<void, 'failed'> = { ok: true, value: undefined };
  /** Answers for the next saveImageToAlbum calls; saved when empty. */
  albumAnswers: ('ok' | AlbumError)[] = [];
  readonly album: string[] = [];
  /** Whether the settings page ends with the album allowed. */
  settingsGrant = true;
  readonly settingsOpened: string[] = [];
  shareAnswer: 'ok' | 'cancelled' | 'failed' = 'ok';
  readonly shared: string[] = [];

  toast(message: string, kind: 'success' | 'fail' | 'none' = 'none'): void {
    this.toasts.push({ message, kind });
  }

  lastToast(): string | undefined {
    return this.toasts[this.toasts.length - 1]?.message;
  }

  async confirm(options: { title: string; content: string }): Promise<boolean> {
    this.confirms.push({ title: options.title, content: options.content });
    return this.confirmAnswers.length ? Boolean(this.confirmAnswers.shift()) : true;
  }

  async copy(text: string): Promise<boolean> {
    this.copied.push(text);
    return true;
  }

  async call(phoneNumber: string): Promise<boolean> {
    this.calls.push(phoneNumber);
    return true;
  }

  async addCalendar(event: CalendarEvent): Promise<Result<void, 'denied' | 'failed'>> {
    if (this.calendarAnswer.ok) this.calendar.push(event);
    return this.calendarAnswer;
  }

  async subscribe(templateIds: string[]): Promise<string[]> {
    this.subscribeRequests.push(templateIds);
    return this.subscribeAccepts ? templateIds : [];
  }

  async chooseContact(): Promise<Result<ContactChoice, ContactError>> {
    this.contactPicks += 1;
    return this.contactAnswers.shift() ?? { ok: false, error: 'cancelled', message: '' };
  }

  /** Queues a picked contact. */
  pickContact(name: string, ...numbers: string[]): void {
    this.contactAnswers.push({ ok: true, value: { name, numbers } });
  }

  stopPullDownRefresh(): void {
    this.pullDownStops += 1;
  }

  vibrate(): void {}

  async canvas2d(scope: object, selector: string, size: { width: number; height: number }): Promise<Result<Canvas2D, 'unavailable'>> {
    if (!this.canvasAvailable) return { ok: false, error: 'unavailable', message: '画图失败：这台手机的微信版本不支持，请升级微信后重试' };
    const context = new RecordingContext();
    this.canvases.push({ scope, selector, size, context });
    return { ok: true, value: { node: { selector }, context, width: size.width, height: size.height } };
  }

  async canvasToImage(canvas: Canvas2D): Promise<Result<string, 'failed'>> {
    if (!this.imageAnswer.ok) return { ok: false, error: 'failed', message: '生成图片失败，请稍后再试' };
    this.images.push(canvas);
    return { ok: true, value: `wxfile://tmp/voucher-${this.images.length}.png` };
  }

  async saveImageToAlbum(filePath: string): Promise<Result<void, AlbumError>> {
    const answer = this.albumAnswers.length ? this.albumAnswers.shift()! : 'ok';
    if (answer !== 'ok') return { ok: false, error: answer, message: ALBUM_MESSAGES[answer] };
    this.album.push(filePath);
    return { ok: true, value: undefined };
  }

  async openSettings(scope: 'scope.writePhotosAlbum'): Promise<boolean> {
    this.settingsOpened.push(scope);
    return this.settingsGrant;
  }

  async shareImage(filePath: string): Promise<Result<void, 'cancelled' | 'failed'>> {
    if (this.shareAnswer === 'cancelled') return { ok: false, error: 'cancelled', message: '已取消' };
    if (this.shareAnswer === 'failed') return { ok: false, error: 'failed', message: '打开分享失败，请先保存到相册再发送' };
    this.shared.push(filePath);
    return { ok: true, value: undefined };
  }
}

/** A page stack that records every move, so flow tests can follow the user. */
export class RecordingNavigator implements Navigator {
  readonly moves: { kind: 'open' | 'replace' | 'relaunch' | 'back'; page?: PageName; query: Query }[] = [];
  private readonly handoffs = new Map<PageName, Query>();

  open(page: PageName, query: Query = {}): void {
    this.moves.push({ kind: 'open', page, query });
    this.handoffs.set(page, query);
  }

  replace(page: PageName, query: Query = {}): void {
    this.moves.push({ kind: 'replace', page, query });
    this.handoffs.set(page, query);
  }

  relaunch(page: PageName, query: Query = {}): void {
    this.moves.push({ kind: 'relaunch', page, query });
    this.handoffs.set(page, query);
  }

  back(): void {
    this.moves.push({ kind: 'back', query: {} });
  }

  takeHandoff(page: PageName): Query | undefined {
    const q = this.handoffs.get(page);
    this.handoffs.delete(page);
    return q && Object.keys(q).length ? q : undefined;
  }

  last(): { kind: 'open' | 'replace' | 'relaunch' | 'back'; page?: PageName; query: Query } | undefined {
    return this.moves[this.moves.length - 1];
  }
}
