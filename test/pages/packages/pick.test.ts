import { productById, productsFor } from '../../../miniprogram/core/catalog';
import type { CardProfile, Product } from '../../../miniprogram/core/types';
import { keptQuote, pickOn, preselectedQuote, type Shelf } from '../../../miniprogram/pages/packages/pick';
import { quotesFor } from '../../../miniprogram/pages/packages/tiles';
import { cardProfile, smartProfile } from '../../support/card-profiles';

const TODAY = '2026-11-25';

function product(id: string): Product {
  const found = productById(id);
  if (!found) throw new Error(`catalog changed: ${id}`);
  return found;
}

function shelfOf(card: CardProfile): Shelf {
  const products = productsFor(card.carrier, card.cardType);
  return { card, products, quotes: quotesFor(products, card, TODAY), today: TODAY };
}

const PHONE = shelfOf(cardProfile());
const DATA_CARD = shelfOf(cardProfile({ cardType: 'data' }));
const SMART = shelfOf(smartProfile());

describe('keptQuote: the earlier choice, for the card as it is now', () => {
  test('a listed product is the shelf\u2019s own quote (the same object the tile shows)', () => {
    expect(keptQuote(product('cmcc-data-10gb'), PHONE)).toBe(PHONE.quotes.get('cmcc-data-10gb'));
  });

  test('a custom amount of the same carrier is quoted again', () => {
    const custom = product('cmcc-recharge-custom-37');
    const kept = keptQuote(custom, PHONE);
    expect(kept?.product.id).toBe('cmcc-recharge-custom-37');
    expect(kept?.payable).toEqual({ amount: 3700, currency: 'CNY' });
  });

  test('another carrier\u2019s product is not kept', () => {
    expect(keptQuote(product('cucc-recharge-50'), PHONE)).toBeNull();
    expect(keptQuote(product('cmcc-recharge-custom-37'), SMART)).toBeNull();
  });
});

describe('preselectedQuote: the product a link asked for', () => {
  test('none asked: none', () => {
    expect(preselectedQuote('', PHONE)).toBeNull();
  });

  test('a listed product of this card', () => {
    expect(preselectedQuote('cmcc-recharge-50', PHONE)).toBe(PHONE.quotes.get('cmcc-recharge-50'));
  });

  test('a custom recharge amount of this carrier, priced today', () => {
    expect(preselectedQuote('cmcc-recharge-custom-37', PHONE)?.payable).toEqual({ amount: 3700, currency: 'CNY' });
  });

  test.each([
    ['another carrier\u2019s product', 'cucc-recharge-50', PHONE],
    ['another carrier\u2019s custom amount', 'smart-recharge-custom-40', PHONE],
    ['an unknown id', 'cmcc-recharge-7', PHONE],
    ['a made-up custom id', 'cmcc-recharge-custom-5', PHONE],
  ])('%s: none', (_name, id, shelf) => {
    expect(preselectedQuote(id, shelf)).toBeNull();
  });
});

describe('pickOn: what is selected when a card is shown', () => {
  test('the earlier choice first, then the link\u2019s, then the recommendation', () => {
    expect(pickOn(PHONE, product('cmcc-data-5gb'), 'cmcc-recharge-50', 'cmcc-recharge-100')?.product.id).toBe('cmcc-data-5gb');
    expect(pickOn(PHONE, null, 'cmcc-recharge-50', 'cmcc-recharge-100')?.product.id).toBe('cmcc-recharge-50');
    expect(pickOn(PHONE, null, '', 'cmcc-recharge-100')?.product.id).toBe('cmcc-recharge-100');
  });

  test('an earlier choice that no longer applies gives way to the link\u2019s', () => {
    expect(pickOn(PHONE, product('cucc-recharge-50'), 'cmcc-recharge-20', null)?.product.id).toBe('cmcc-recharge-20');
  });

  test('a data card still takes a listed recharge from the link', () => {
    expect(pickOn(DATA_CARD, null, 'cmcc-recharge-30', null)?.product.id).toBe('cmcc-recharge-30');
  });

  test('nothing asked, nothing recommended: nothing selected', () => {
    expect(pickOn(PHONE, null, '', null)).toBeNull();
    expect(pickOn(PHONE, null, '', 'not-a-product')).toBeNull();
  });
});
