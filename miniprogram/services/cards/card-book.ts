/**
 * The numbers a user has bound (首页 my cards) and the numbers looked up lately.
 *
 * Both lists are small (at most 20 cards, 10 recent numbers), so each lives under one
 * key and is rewritten whole. Recent numbers keep the carrier and 归属地 the lookup
 * answered (cards.recent.v2); the first layout (numbers only, v1) is read once and
 * replaced on the next write. Whatever is read back is checked: a value this code cannot
 * understand is moved aside under 'cards.quarantine' (a list that only ever grows) and
 * the list reads as empty, so a damaged key never blocks the app and is never lost.
 */
import type { BoundCard, CardType, CarrierId, NumberLocation, Result } from '../../core/types';
import { isCarrierId } from '../../core/carriers';
import { addDays, chinaToday } from '../../core/dates';
import { parsePhone } from '../../core/phone';
import type { CardBook, CardBookError, Clock, KeyValueStorage, QuarantinedEntry, RecentNumber, StorageError } from '../contracts';

export const CARDS_KEY = 'cards.v1';
export const RECENT_KEY = 'cards.recent.v2';
/** The first layout of the recent numbers: national numbers only. */
export const RECENT_V1_KEY = 'cards.recent.v1';
export const QUARANTINE_KEY = 'cards.quarantine';
export const MAX_CARDS = 20;
export const MAX_RECENT = 10;
export const MAX_NICKNAME_CHARS = 12;
/** A new card reminds 3 days before expiry until the user chooses otherwise. */
export const DEFAULT_REMIND_DAYS = 3;

const CARD_TYPES: readonly CardType[] = ['data', 'phone', 'keep', 'esim'];
const REMIND_DAYS: readonly (number | null)[] = [1, 3, 7, null];
/** Year 9999: a lookup time past it is corrupt, not a day to count from. */
const MAX_EPOCH_MS = 253_402_300_799_000;

interface StoredCards {
  version: 1;
  cards: BoundCard[];
}

const MESSAGES: Record<CardBookError, string> = {
  duplicate: '这个号码已经绑定过了，不用重复绑定',
  not_found: '没有找到这个已绑定的号码，可能已经解绑',
  limit: `最多绑定 ${MAX_CARDS} 个号码，请先解绑不用的号码`,
  quota: '手机上的小程序存储空间已满，没有保存。请在微信“设置 → 通用 → 存储空间”清理后重试',
  item_too_large: '数据太大，没有保存',
  failed: '保存失败，请稍后重试',
};

function fail(error: CardBookError, message = MESSAGES[error]): Result<never, CardBookError> {
  return { ok: false, error, message };
}

const OK: Result<void, never> = { ok: true, value: undefined };

/** Counts characters as people do (an emoji is one), not UTF-16 units. */
function charCount(text: string): number {
  return Array.from(text).length;
}

export type NicknameError = 'empty' | 'too_long';

/** A nickname as saved: trimmed, 1–12 characters. */
export function checkNickname(raw: unknown): Result<string, NicknameError> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: false, error: 'empty', message: '请输入备注名，例如：爸爸的保号卡' };
  const count = charCount(text);
  if (count > MAX_NICKNAME_CHARS) {
    return { ok: false, error: 'too_long', message: `备注名最多 ${MAX_NICKNAME_CHARS} 个字，现在有 ${count} 个，请删短一些` };
  }
  return { ok: true, value: text };
}

/** A nickname that may be left empty (then ''), else checked as checkNickname does. */
export function checkOptionalNickname(raw: unknown): Result<string, NicknameError> {
  return typeof raw !== 'string' || raw.trim() === '' ? { ok: true, value: '' } : checkNickname(raw);
}

/** The national form when the number parses, else the input trimmed: one number, one key. */
function canonicalPhone(phone: string): string {
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.value.national : String(phone ?? '').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored card this code can show and renew; anything else goes to quarantine. */
export function isBoundCard(value: unknown): value is BoundCard {
  if (!isRecord(value)) return false;
  return (
    typeof value.phone === 'string' &&
    parsePhone(value.phone).ok &&
    (value.region === 'CN' || value.region === 'PH') &&
    isCarrierId(value.carrier) &&
    CARD_TYPES.includes(value.cardType as CardType) &&
    typeof value.nickname === 'string' &&
    typeof value.isDefault === 'boolean' &&
    typeof value.boundAt === 'number' &&
    (value.verifiedBy === 'wechat' || value.verifiedBy === 'sms') &&
    REMIND_DAYS.includes(value.remindDaysBefore as number | null)
  );
}

function isLocation(value: unknown): value is NumberLocation | null {
  if (value === null) return true;
  return isRecord(value) && (value.country === 'CN' || value.country === 'PH') && typeof value.province === 'string' && typeof value.city === 'string';
}

/** A stored recent number, or null for one this code cannot read. */
function recentEntry(value: unknown): RecentNumber | null {
  const ok =
    isRecord(value) &&
    typeof value.phone === 'string' &&
    parsePhone(value.phone).ok &&
    isCarrierId(value.carrier) &&
    typeof value.at === 'number' &&
    (value.location === undefined || isLocation(value.location));
  return ok ? (value as unknown as RecentNumber) : null;
}

/** A number of the first layout; one that no longer parses is dropped (undefined), not fatal. */
function legacyEntry(value: unknown): RecentNumber | null | undefined {
  if (typeof value !== 'string') return null;
  const parsed = parsePhone(value);
  return parsed.ok ? { phone: parsed.value.national, carrier: parsed.value.carrier, at: 0 } : undefined;
}

function dayOf(at: unknown): string | null {
  return typeof at === 'number' && at > 0 && at < MAX_EPOCH_MS ? chinaToday(at) : null;
}

/**
 * A card with a settings patch applied. Fresh figures (lastKnown) also keep the 归属地
 * when they come without one (a top-up receipt does not repeat it; a number never
 * moves), and track when the balance reached zero: seen positive on day P and at zero
 * later, it reached zero between P + 1 and now, so P + 1 is kept — the earliest it can
 * be, which makes a Smart number's 120 days end early rather than late. A balance
 * already at zero the first time it is seen records nothing (the plan says it guesses).
 */
function withLookupFacts(card: BoundCard, patch: Partial<BoundCard>): BoundCard {
  const next: BoundCard = { ...card, ...patch };
  const known = patch.lastKnown;
  if (!known || typeof known !== 'object') return next;
  const before = card.lastKnown;
  if (!('location' in known) && before && 'location' in before) next.lastKnown = { ...known, location: before.location };
  const atZero = isMoneyLike(known.balance) && known.balance.amount <= 0;
  if (!atZero) {
    delete next.zeroBalanceSince;
    return next;
  }
  if (card.zeroBalanceSince) return next;
  const positiveOn = before && isMoneyLike(before.balance) && before.balance.amount > 0 ? dayOf(before.at) : null;
  const seenOn = dayOf(known.at);
  if (positiveOn && seenOn) {
    const dayAfter = addDays(positiveOn, 1);
    next.zeroBalanceSince = dayAfter < seenOn ? dayAfter : seenOn;
  }
  return next;
}

function isMoneyLike(value: unknown): value is { amount: number } {
  return isRecord(value) && typeof value.amount === 'number';
}

/** Exactly one default whenever the list is not empty: the first marked one, else the first card. */
function withOneDefault(cards: BoundCard[]): BoundCard[] {
  const chosen = Math.max(0, cards.findIndex((c) => c.isDefault));
  return cards.map((card, i) => (card.isDefault === (i === chosen) ? card : { ...card, isDefault: i === chosen }));
}

export class StoredCardBook implements CardBook {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly clock: Clock,
  ) {}

  list(): BoundCard[] {
    return this.readCards().map((card) => ({ ...card }));
  }

  get(phone: string): BoundCard | undefined {
    const key = canonicalPhone(phone);
    const found = this.readCards().find((c) => c.phone === key);
    return found ? { ...found } : undefined;
  }

  bind(card: BoundCard): Result<void, CardBookError> {
    const loaded = this.load();
    if (loaded.unsafe) return loaded.unsafe;
    const cards = loaded.cards;
    const phone = canonicalPhone(card.phone);
    if (cards.some((c) => c.phone === phone)) return fail('duplicate');
    if (cards.length >= MAX_CARDS) return fail('limit');
    const nickname = typeof card.nickname === 'string' ? Array.from(card.nickname.trim()).slice(0, MAX_NICKNAME_CHARS).join('') : '';
    const added: BoundCard = {
      ...card,
      phone,
      nickname,
      boundAt: card.boundAt > 0 ? card.boundAt : this.clock.now(),
      isDefault: cards.length === 0 || card.isDefault === true,
      remindDaysBefore: card.remindDaysBefore === undefined ? DEFAULT_REMIND_DAYS : card.remindDaysBefore,
    };
    if (!isBoundCard(added)) return fail('failed', '号码或卡片信息不完整，没有绑定，请检查后重试');
    const next = added.isDefault ? cards.map((c) => ({ ...c, isDefault: false })) : cards.slice();
    next.push(added);
    return this.writeCards(next);
  }

  /** Changes a card's settings. The number cannot change, and a default is moved only by setDefault. */
  update(phone: string, patch: Partial<BoundCard>): Result<void, CardBookError> {
    const loaded = this.load();
    if (loaded.unsafe) return loaded.unsafe;
    const cards = loaded.cards;
    const key = canonicalPhone(phone);
    const index = cards.findIndex((c) => c.phone === key);
    if (index < 0) return fail('not_found');
    const { phone: _phone, isDefault, ...rest } = patch;
    const next = cards.slice();
    next[index] = withLookupFacts(cards[index], rest);
    if (!isBoundCard(next[index])) return fail('failed', '卡片设置不完整，没有保存，请重试');
    if (isDefault === true) return this.writeCards(next.map((c, i) => ({ ...c, isDefault: i === index })));
    return this.writeCards(next);
  }

  /** Removes a card; when it was the default, the next card (or the one before, if it was last) takes over. */
  unbind(phone: string): Result<void, CardBookError> {
    const loaded = this.load();
    if (loaded.unsafe) return loaded.unsafe;
    const cards = loaded.cards;
    const key = canonicalPhone(phone);
    const index = cards.findIndex((c) => c.phone === key);
    if (index < 0) return fail('not_found');
    const wasDefault = cards[index].isDefault;
    const next = cards.filter((_, i) => i !== index);
    if (wasDefault && next.length) {
      const heir = Math.min(index, next.length - 1);
      next[heir] = { ...next[heir], isDefault: true };
    }
    return this.writeCards(next);
  }

  setDefault(phone: string): Result<void, CardBookError> {
    const loaded = this.load();
    if (loaded.unsafe) return loaded.unsafe;
    const cards = loaded.cards;
    const key = canonicalPhone(phone);
    if (!cards.some((c) => c.phone === key)) return fail('not_found');
    return this.writeCards(cards.map((c) => ({ ...c, isDefault: c.phone === key })));
  }

  recent(): string[] {
    return this.recentNumbers().map((entry) => entry.phone);
  }

  recentNumbers(): RecentNumber[] {
    const bound = new Set(this.readCards().map((c) => c.phone));
    return (this.readRecent() ?? []).filter((entry) => !bound.has(entry.phone)).map((entry) => ({ ...entry }));
  }

  /** Remembers a looked-up number. Best effort: a failed write only loses a convenience. */
  pushRecent(phone: string, seen: { carrier?: CarrierId; location?: NumberLocation | null } = {}): void {
    const parsed = parsePhone(phone);
    if (!parsed.ok) return;
    const national = parsed.value.national;
    const known = this.readRecent();
    if (known === null) return;
    const entry: RecentNumber = { phone: national, carrier: isCarrierId(seen.carrier) ? seen.carrier : parsed.value.carrier, at: this.clock.now() };
    if (seen.location !== undefined) entry.location = seen.location;
    this.writeRecent([entry, ...known.filter((p) => p.phone !== national)]);
  }

  removeRecent(phone: string): Result<void, CardBookError> {
    const known = this.readRecent();
    if (known === null) return fail('failed', '最近查询的数据损坏且无法单独保存，暂时不能删除，请稍后重试');
    const key = canonicalPhone(phone);
    if (!known.some((p) => p.phone === key)) return fail('not_found', '这个号码已经不在最近查询里了');
    return this.writeRecent(known.filter((p) => p.phone !== key));
  }

  clearRecent(): Result<void, CardBookError> {
    if (this.readRecent() === null) return fail('failed', '最近查询的数据损坏且无法单独保存，暂时不能清空，请稍后重试');
    return this.writeRecent([]);
  }

  /** Everything ever set aside, oldest first (for a support screen or an export). */
  quarantined(): QuarantinedEntry[] {
    const raw = this.storage.get(QUARANTINE_KEY);
    return Array.isArray(raw) ? (raw as QuarantinedEntry[]) : [];
  }

  // ------------------------------------------------------------------ storage

  private readCards(): BoundCard[] {
    return this.load().cards;
  }

  /**
   * Reads and checks the stored list. `unsafe` is set while unreadable data could not
   * be moved to quarantine (storage full): writing now would overwrite it, so writes wait.
   */
  private load(): { cards: BoundCard[]; unsafe: Result<never, CardBookError> | null } {
    const raw = this.storage.get(CARDS_KEY);
    if (raw === undefined) return { cards: [], unsafe: null };
    if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.cards)) {
      const aside = this.setAside(CARDS_KEY, raw, 'cards list unreadable');
      if (aside.ok) this.storage.remove(CARDS_KEY);
      return { cards: [], unsafe: aside.ok ? null : aside };
    }
    const seen = new Set<string>();
    const unique = raw.cards.filter((c): c is BoundCard => isBoundCard(c) && !seen.has(c.phone) && Boolean(seen.add(c.phone)));
    const cards = withOneDefault(unique);
    if (unique.length === raw.cards.length) return { cards, unsafe: null };
    const bad = raw.cards.filter((c) => !unique.includes(c as BoundCard));
    const aside = this.setAside(CARDS_KEY, bad, 'unreadable or repeated cards');
    if (!aside.ok) return { cards, unsafe: aside };
    this.storage.set(CARDS_KEY, { version: 1, cards } satisfies StoredCards);
    return { cards, unsafe: null };
  }

  private writeCards(cards: BoundCard[]): Result<void, CardBookError> {
    const value: StoredCards = { version: 1, cards: withOneDefault(cards) };
    const written = this.storage.set(CARDS_KEY, value);
    return written.ok ? OK : fail(written.error as StorageError, written.message);
  }

  /**
   * Null while an unreadable value could not be moved aside (so it must not be
   * overwritten). The first layout (v1, numbers only) is read when there is no v2: its
   * carrier comes from the segment, its 归属地 stays unknown.
   */
  private readRecent(): RecentNumber[] | null {
    const v2 = this.storage.get(RECENT_KEY);
    const key = v2 === undefined ? RECENT_V1_KEY : RECENT_KEY;
    const raw = v2 === undefined ? this.storage.get(RECENT_V1_KEY) : v2;
    if (raw === undefined) return [];
    const entries = Array.isArray(raw) ? raw.map(key === RECENT_KEY ? recentEntry : legacyEntry) : [null];
    if (entries.includes(null)) {
      if (!this.setAside(key, raw, 'recent numbers unreadable').ok) return null;
      this.storage.remove(key);
      return [];
    }
    const known = entries.filter((e): e is RecentNumber => e !== undefined && e !== null);
    const unique = known.filter((e, i) => known.findIndex((o) => o.phone === e.phone) === i);
    return unique.slice(0, MAX_RECENT);
  }

  private writeRecent(entries: RecentNumber[]): Result<void, CardBookError> {
    const written = this.storage.set(RECENT_KEY, entries.slice(0, MAX_RECENT));
    if (!written.ok) return fail(written.error as StorageError, written.message);
    this.storage.remove(RECENT_V1_KEY);
    return OK;
  }

  /** Appends the raw value to the quarantine list, which is only ever added to. */
  private setAside(key: string, raw: unknown, reason: string): Result<void, CardBookError> {
    const existing = this.storage.get(QUARANTINE_KEY);
    const at = this.clock.now();
    const list: unknown[] =
      existing === undefined ? [] : Array.isArray(existing) ? existing : [{ key: QUARANTINE_KEY, raw: existing, reason: 'quarantine list unreadable', at }];
    const entry: QuarantinedEntry = { key, raw, reason, at };
    const saved = this.storage.set(QUARANTINE_KEY, [...list, entry]);
    return saved.ok ? OK : fail(saved.error, `已保存的卡片数据损坏，且${saved.message}`);
  }
}
