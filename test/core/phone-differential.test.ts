/**
 * parsePhone held against libphonenumber's metadata (through libphonenumber-js, `max`
 * metadata) over every mainland prefix 13000–19999 and every Philippine prefix
 * 0800–0999, at every length from one short to two long. libphonenumber-js has no
 * carrier data, so this compares only what it knows: whether a number is a valid
 * mobile number. Which operator a prefix belongs to stays sourced from libphonenumber's
 * carrier files (see core/phone-segments.ts) and is tested in phone.test.ts.
 *
 * "Mobile" on our side means parsePhone accepts the number or refuses it only because
 * its operator is not one we renew (Globe, DITO): either way it is a real mobile number.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parsePhone } from '../../miniprogram/core/phone';

type Verdict = 'mobile' | 'not mobile';

interface Exception {
  /** National prefix (mainland 1…, Philippine 0…). */
  prefix: string;
  length: number;
  ours: Verdict;
  theirs: Verdict;
  why: string;
}

/** Every disagreement this project keeps on purpose, and why it is right here. */
const EXCEPTIONS: readonly Exception[] = [
  {
    prefix: '149',
    length: 11,
    ours: 'mobile',
    theirs: 'not mobile',
    why:
      "China Telecom's 11-digit data-SIM segment, the counterpart of Unicom's 145 and Mobile's " +
      '147 that libphonenumber does validate; the project GUIDE lists it and such cards are ' +
      'renewed like phones. A wrong accept costs one lookup the carrier gateway answers.',
  },
  {
    prefix: '0913',
    length: 11,
    ours: 'mobile',
    theirs: 'not mobile',
    why:
      "Smart's published prefix list names 0913 (the table's source for it since it was " +
      'written); libphonenumber has never had it. Refusing it would shut a Smart customer out, ' +
      'while a wrong accept only costs a lookup that finds no card.',
  },
];

function ours(national: string): Verdict {
  const result = parsePhone(national);
  return result.ok || result.error === 'unsupported_carrier' ? 'mobile' : 'not mobile';
}

function theirs(e164: string): Verdict {
  const number = parsePhoneNumberFromString(e164);
  if (!number || !number.isValid()) return 'not mobile';
  const type = number.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? 'mobile' : 'not mobile';
}

interface Case {
  prefix: string;
  national: string;
  e164: string;
  ours: Verdict;
  theirs: Verdict;
}

function judged(prefix: string, national: string, e164: string): Case {
  return { prefix, national, e164, ours: ours(national), theirs: theirs(e164) };
}

/** Filler digits after the prefix: no pattern in either table looks past 5 digits. */
const TAIL = '2345678901234';

function mainlandCases(): Case[] {
  const cases: Case[] = [];
  for (let n = 13000; n <= 19999; n += 1) {
    const prefix = String(n);
    for (const length of [10, 11, 12, 13]) {
      const national = (prefix + TAIL).slice(0, length);
      cases.push(judged(prefix, national, `+86${national}`));
    }
  }
  return cases;
}

function philippineCases(): Case[] {
  const cases: Case[] = [];
  for (let n = 800; n <= 999; n += 1) {
    const prefix = `0${n}`;
    for (const length of [10, 11, 12, 13]) {
      const national = (prefix + TAIL).slice(0, length);
      cases.push(judged(prefix, national, `+63${national.slice(1)}`));
    }
  }
  return cases;
}

type Disagreement = Case;

function disagreements(cases: readonly Case[]): Disagreement[] {
  return cases.filter((c) => c.ours !== c.theirs);
}

/** One line per disagreement, so a failure reads as a list of numbers. */
function lineOf(d: Disagreement): string {
  return `${d.national}: parsePhone ${d.ours}, libphonenumber ${d.theirs}`;
}

function excuse(d: Disagreement): Exception | undefined {
  return EXCEPTIONS.find(
    (e) => d.national.startsWith(e.prefix) && d.national.length === e.length && d.ours === e.ours && d.theirs === e.theirs,
  );
}

describe('parsePhone against libphonenumber metadata, every prefix', () => {
  const mainland = mainlandCases();
  const philippine = philippineCases();
  const found = [...disagreements(mainland), ...disagreements(philippine)];

  test('the enumeration covers every prefix at every length (it cannot silently shrink)', () => {
    expect(mainland).toHaveLength(7000 * 4);
    expect(philippine).toHaveLength(200 * 4);
    expect(new Set(mainland.map((c) => c.national)).size).toBe(mainland.length);
    expect(new Set(philippine.map((c) => c.national)).size).toBe(philippine.length);
  });

  test('both sides find real mobile numbers in both regions (the comparison is not vacuous)', () => {
    const mobiles = (cases: readonly Case[]) => cases.filter((c) => c.theirs === 'mobile').length;
    // 13x, 15x, 18x, 19x… at 11 digits; the Philippine 09xx ranges at 11 digits.
    expect(mobiles(mainland)).toBeGreaterThan(4000);
    expect(mobiles(philippine)).toBeGreaterThan(60);
    expect(ours('13800138000')).toBe('mobile');
    expect(theirs('+8613800138000')).toBe('mobile');
    expect(ours('09171234567')).toBe('mobile');
    expect(theirs('+639171234567')).toBe('mobile');
  });

  test('every disagreement is a listed exception', () => {
    expect(found.filter((d) => !excuse(d)).map(lineOf)).toEqual([]);
  });

  test.each(EXCEPTIONS.map((e) => [e.prefix, e] as const))(
    'the %s exception still disagrees over its whole prefix (a stale one fails)',
    (_prefix, exception) => {
      const under = [...mainland, ...philippine].filter(
        (c) => c.national.startsWith(exception.prefix) && c.national.length === exception.length,
      );
      expect(under.length).toBeGreaterThan(0);
      const excused = found.filter((d) => excuse(d) === exception);
      expect(excused.map((d) => d.national)).toEqual(under.map((c) => c.national));
      expect(exception.why.length).toBeGreaterThan(40);
    },
  );
});
