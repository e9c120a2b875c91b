/**
 * @jest-environment node
 */
/**
 * Record store figures at 1,000 and 10,000 orders: the sharded store against the naive
 * one-array baseline, from the same orders in the same run (see measure/store-figures.ts).
 */
import { writeSection, failed } from './measure/output';
import { compareStores } from './measure/store-figures';

const RECORD_COUNTS = [1000, 10000];

test('record store', () => {
  try {
    const comparison = compareStores({ counts: RECORD_COUNTS, withTimings: true });
    writeSection('records', comparison);
  } catch (err) {
    writeSection('records', failed(err));
    throw err;
  }
});
