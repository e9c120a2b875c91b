/** The record store's text match (services/records/shard-index.ts): order numbers, phone numbers, masked numbers. */
import { normalizeFilter, orderMatches } from '../../../miniprogram/services/records/shard-index';
import { realOrder } from '../../support/records-orders';

const order = realOrder({ at: '2026-11-22T09:00:00+08:00', phone: '18600186002', carrier: 'cucc', serial: 3 });
const smart = realOrder({ at: '2026-11-22T09:00:00+08:00', phone: '09181234567', carrier: 'smart', serial: 4 });

test.each<[string, string, boolean, boolean]>([
  ['part of the order number, any case', order.id.slice(-8).toLowerCase(), true, false],
  ['part of the phone number', '0018', true, false],
  ['the last four digits', '6002', true, false],
  ['the masked form', '186****6002', true, false],
  ['a masked form of another number', '186****6003', false, false],
  ['stars for every digit', '***********', true, true],
  ['more stars than the number has digits', '************', false, false],
  ['the masked Philippine form', '0918***4567', false, true],
  ['a star where a digit differs around it', '18*00186002', true, false],
  ['stars never match an order number', `${order.id.slice(0, 4)}**`, false, false],
  ['dashes and spaces are ignored', '186-0018 6002', true, false],
])('%s', (_label, text, matchesMainland, matchesSmart) => {
  const filter = normalizeFilter({ text });
  expect(orderMatches(order, filter)).toBe(matchesMainland);
  expect(orderMatches(smart, filter)).toBe(matchesSmart);
});
