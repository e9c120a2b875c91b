import { carrierActions, carrierChip, carrierMismatchNote, guessedCarrier } from '../../../miniprogram/pages/lookup/picks';

describe('guessedCarrier: the carrier the typed digits point to', () => {
  test.each([
    ['138', 'cmcc'],
    ['1380013', 'cmcc'],
    ['186', 'cucc'],
    ['133', 'ctcc'],
    ['192', 'cbn'],
    ['+86 138', 'cmcc'],
    ['0918', 'smart'],
    ['+63 918', 'smart'],
  ])('%s → %s', (input, carrier) => {
    expect(guessedCarrier(input)).toBe(carrier);
  });

  test.each([
    ['', 'nothing typed'],
    ['1', 'one digit'],
    ['13', 'two digits'],
    ['170', '170 is split between carriers'],
    ['0917', 'Globe, which this service cannot renew'],
    ['abc', 'letters'],
    ['138abc', 'letters after digits'],
  ])('%s → null (%s)', (input) => {
    expect(guessedCarrier(input)).toBeNull();
  });

  test.each([[null], [undefined], [42], [{}]])('hostile %p → null', (input) => {
    expect(guessedCarrier(input as never)).toBeNull();
  });
});

describe('carrierChip', () => {
  test('a mainland segment: the carrier, changeable (携号转网)', () => {
    expect(carrierChip('138', null)).toEqual({ name: '中国移动', changeable: true, virtual: false });
  });

  test('a virtual operator segment says so', () => {
    expect(carrierChip('1703', null)).toEqual({ name: '中国移动（虚拟运营商号段）', changeable: true, virtual: true });
  });

  test('the user said the number moved: the chosen carrier, marked as moved', () => {
    expect(carrierChip('138', 'cucc')).toEqual({ name: '中国联通（已携号转网）', changeable: true, virtual: false });
    expect(carrierChip('1703', 'ctcc')).toEqual({ name: '中国电信（已携号转网）', changeable: true, virtual: true });
  });

  test('choosing the segment\u2019s own carrier is no move', () => {
    expect(carrierChip('138', 'cmcc')).toEqual({ name: '中国移动', changeable: true, virtual: false });
  });

  test('a Smart number cannot change carrier', () => {
    expect(carrierChip('0918', null)).toEqual({ name: 'Smart', changeable: false, virtual: false });
  });

  test.each([[''], ['13'], ['0917'], ['x']])('no chip while nothing is settled (%p)', (input) => {
    expect(carrierChip(input, null)).toBeNull();
    expect(carrierChip(input, 'cucc')).toBeNull();
  });

  test('a stray override from old storage is named neutrally', () => {
    expect(carrierChip('138', 'globe' as never)?.name).toBe('未知运营商（已携号转网）');
  });
});

describe('carrierActions and the mismatch note', () => {
  test('the four mainland carriers to choose from', () => {
    expect(carrierActions()).toEqual([
      { name: '中国移动', carrier: 'cmcc' },
      { name: '中国联通', carrier: 'cucc' },
      { name: '中国电信', carrier: 'ctcc' },
      { name: '中国广电', carrier: 'cbn' },
    ]);
  });

  test('the carrier answered differently from the user\u2019s choice: the answer wins, in words', () => {
    expect(carrierMismatchNote('cmcc', 'cucc')).toBe('你选择的是中国移动，但运营商查询结果为中国联通，将按中国联通续费');
  });

  test.each([
    [null, 'cucc'],
    ['cucc', 'cucc'],
  ] as const)('no note when nothing was chosen or both agree (%p, %p)', (chosen, answered) => {
    expect(carrierMismatchNote(chosen, answered)).toBe('');
  });
});
