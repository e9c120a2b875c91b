/** Test doubles for the services that stand for the device and time. */
import type { CalendarEvent, Clock, ContactChoice, ContactError, DeviceService, Navigator, PageName, Query } from '../../miniprogram/services/contracts';
import type { Result } from '../../miniprogram/core/types';

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
}

/** A page stack that records every move, so flow tests can follow the user. */
export class RecordingNavigator implements Navigator {
  readonly moves: { kind: 'open' | 'replace' | 'back'; page?: PageName; query: Query }[] = [];
  private readonly handoffs = new Map<PageName, Query>();

  open(page: PageName, query: Query = {}): void {
    this.moves.push({ kind: 'open', page, query });
    this.handoffs.set(page, query);
  }

  replace(page: PageName, query: Query = {}): void {
    this.moves.push({ kind: 'replace', page, query });
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

  last(): { kind: 'open' | 'replace' | 'back'; page?: PageName; query: Query } | undefined {
    return this.moves[this.moves.length - 1];
  }
}
