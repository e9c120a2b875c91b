/** Issue-14 fault trials: shards and index (the world and the invariants: test/support/records-faults.ts). */
import { encodeShard } from '../../../../miniprogram/services/records/schema';
import { World, launchAndVerify, seeds, reportFaultTally } from '../../../support/records-faults';

reportFaultTally();

describe('4. a deleted shard, a shard overwritten with another shard\'s value', () => {
  test('deleted: the loss is reported with its count, nothing else touched', async () => {
    for (const seed of seeds(120, 23)) {
      const w = new World(seed);
      const key = w.pick(w.shardKeys());
      const original = w.fake.rawText(key)!;
      w.fake.removeStorageSync(key);
      const store = await launchAndVerify(w);
      w.judge('4 deleted shard', store, [original], true);
      w.judgeWrites('4 deleted shard', store);
    }
  });

  test('overwritten with another shard\'s value: no order doubled, totals agree, reported', async () => {
    for (const seed of seeds(120, 29)) {
      const w = new World(seed);
      const [a, b] = [w.pick(w.shardKeys()), w.pick(w.shardKeys())];
      if (a === b) continue;
      const original = w.fake.rawText(b)!;
      w.fake.plantRaw(b, w.fake.rawText(a)!);
      const store = await launchAndVerify(w);
      w.judge('4 shard overwritten by another', store, [original], true);
      w.judgeKept('4 shard overwritten by another', store, [JSON.parse(w.fake.rawText(a)!)]);
    }
  });
});

describe('6. index summaries and shards changed behind the store', () => {
  test('a summary edited to valid JSON (count 0, an amount, an id bound, a phone): found at open, counts agree at once', () => {
    for (const seed of seeds(120, 37)) {
      const w = new World(seed);
      const page = JSON.parse(w.fake.rawText('rec.v2.index.0')!);
      const at = w.int(page.s.length);
      const edit = w.int(4);
      if (edit === 0) page.s[at][1] = 0;
      if (edit === 1) page.s[at][9][0][1] += 100;
      if (edit === 2) page.s[at][4] = 'CR00000000000000000000';
      if (edit === 3) page.s[at][6] = ['13000000000'];
      w.fake.plantRaw('rec.v2.index.0', JSON.stringify(page));
      // No verify(): open() alone must see it, so count and totals at launch agree with the rows.
      const store = w.launch();
      w.judge('6 summary edited', store, [], true);
    }
  });

  test('a character flipped inside a shard (still valid JSON): the changed order never reads back', async () => {
    let flips = 0;
    for (const seed of seeds(300, 43)) {
      const w = new World(seed);
      const key = w.pick(w.shardKeys());
      const text = w.fake.rawText(key)!;
      const spots = [...text.matchAll(/[0-9a-zA-Z]/g)].map((m) => m.index as number);
      const at = w.pick(spots);
      const c = text[at];
      const swapped = /\d/.test(c) ? String((Number(c) + 1 + w.int(8)) % 10) : c === 'z' ? 'y' : c === 'Z' ? 'Y' : String.fromCharCode(c.charCodeAt(0) + 1);
      const edited = `${text.slice(0, at)}${swapped}${text.slice(at + 1)}`;
      try {
        JSON.parse(edited);
      } catch {
        continue;
      }
      flips += 1;
      w.fake.plantRaw(key, edited);
      const store = await launchAndVerify(w);
      w.judge('6 character flipped in a shard', store, [text], true);
    }
    expect(flips).toBeGreaterThan(250);
  });

  test('the same order id in two shards: one copy stays (the newer), reported', async () => {
    for (const seed of seeds(80, 47)) {
      const w = new World(seed);
      const victims = w.orders.filter(() => w.random() < 0.1).slice(0, 5);
      if (!victims.length) continue;
      // A shard under a free number, sound and checksummed, holding copies of orders that live elsewhere.
      const n = w.shardKeys().length + 3;
      w.fake.setStorageSync(`rec.v2.shard.${n}`, encodeShard(victims, n));
      const store = await launchAndVerify(w);
      w.judge('6 duplicate ids across shards', store, [], true);
    }
  });
});
