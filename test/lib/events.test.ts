import { eventValue } from '../../miniprogram/lib/events';

describe('eventValue', () => {
  test.each([
    ['a Vant field sends the text itself', { detail: '138 0013 8000' }, '138 0013 8000'],
    ['a Vant radio group sends the name', { detail: 'succeeded' }, 'succeeded'],
    ['our components send { value }', { detail: { value: '妈妈的卡' } }, '妈妈的卡'],
    ['a cleared field', { detail: '' }, ''],
    ['{ value: "" }', { detail: { value: '' } }, ''],
    ['a number', { detail: 5 }, '5'],
    ['a number as value', { detail: { value: 0 } }, '0'],
    ['a boolean (switch)', { detail: true }, 'true'],
  ])('%s', (_name, event, text) => {
    expect(eventValue(event)).toBe(text);
  });

  test.each([
    ['no detail', {}],
    ['a null detail', { detail: null }],
    ['an undefined detail', { detail: undefined }],
    ['an object without value', { detail: { cursor: 3 } }],
    ['a null value', { detail: { value: null } }],
    ['no event at all', undefined],
    ['a null event', null],
  ])('%s reads as empty text', (_name, event) => {
    expect(eventValue(event as never)).toBe('');
  });

  test.each([
    ['an object as value', { detail: { value: { a: 1 } } }],
    ['an array as value', { detail: { value: ['1', '2'] } }],
    ['a value without a prototype', { detail: { value: Object.create(null) } }],
    ['a symbol as detail', { detail: Symbol('x') }],
    ['a value whose toString throws', { detail: { value: { toString: () => { throw new Error('boom'); } } } }],
  ])('%s never crashes and never shows [object Object]', (_name, event) => {
    expect(() => eventValue(event)).not.toThrow();
    expect(eventValue(event)).toBe('');
  });
});
