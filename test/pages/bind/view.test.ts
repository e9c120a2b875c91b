import { parsePhone } from '../../../miniprogram/core/phone';
import type { PhoneNumber } from '../../../miniprogram/core/types';
import {
  ALREADY_BOUND,
  CODE_MISSING,
  GRANTED_NOTE,
  PRIVACY_REFUSED,
  cardTypeOptions,
  carrierOptions,
  carrierPatch,
  choiceOwner,
  codeSent,
  demoHint,
  grantedNumber,
  newBoundCard,
  numberToVerify,
  refusalMessage,
} from '../../../miniprogram/pages/bind/view';

const nothingBound = () => false;
const bound = (...numbers: string[]) => (national: string) => numbers.includes(national);

function phone(raw: string): PhoneNumber {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('the fixed sentences', () => {
  test.each([
    [PRIVACY_REFUSED, '你没有同意《用户隐私保护指引》，暂时不能用微信手机号一键绑定。可以在下方手动输入号码，用短信验证码绑定'],
    [GRANTED_NOTE, '已取到微信绑定的手机号。请确认运营商和卡类型后点“绑定”'],
    [CODE_MISSING, '请输入短信验证码；还没收到的话，先点“获取验证码”'],
    [ALREADY_BOUND, '这个号码已经绑定过了，不用重复绑定'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('carrier and card-type choices', () => {
  test('a mainland number chooses among the four mainland carriers, in display order', () => {
    expect(carrierOptions('CN')).toEqual([
      { id: 'cmcc', name: '中国移动' },
      { id: 'cucc', name: '中国联通' },
      { id: 'ctcc', name: '中国电信' },
      { id: 'cbn', name: '中国广电' },
    ]);
  });

  test('a Philippine number has Smart only', () => {
    expect(carrierOptions('PH')).toEqual([{ id: 'smart', name: 'Smart' }]);
  });

  test('an unknown region offers nothing rather than the wrong carriers', () => {
    expect(carrierOptions('HK' as never)).toEqual([]);
  });

  test('card types, phone card first', () => {
    expect(cardTypeOptions()).toEqual([
      { id: 'phone', label: '手机卡' },
      { id: 'data', label: '流量卡' },
      { id: 'keep', label: '保号卡' },
      { id: 'esim', label: 'eSIM' },
    ]);
  });
});

describe('refusalMessage: what to say when the WeChat button gave no number', () => {
  test.each([
    ['privacy', '你没有同意《用户隐私保护指引》，暂时不能用微信手机号一键绑定。可以在下方手动输入号码，用短信验证码绑定'],
    ['quota', '微信手机号快捷绑定今天的次数已用完，请在下方手动输入号码，用短信验证码绑定'],
    ['declined', '你没有允许使用微信绑定的手机号。可以在下方手动输入号码，用短信验证码绑定'],
  ] as const)('%s', (reason, words) => {
    expect(refusalMessage(reason)).toBe(words);
  });

  test('an unknown reason falls back on the plain "you declined", which always offers manual entry', () => {
    expect(refusalMessage('weird' as never)).toBe(refusalMessage('declined'));
  });
});

describe('grantedNumber: the number WeChat handed over', () => {
  test('a renewable number not bound yet', () => {
    const granted = grantedNumber('+86 138 0013 8000', nothingBound);
    expect(granted.ok && granted.value).toMatchObject({ national: '13800138000', carrier: 'cmcc', region: 'CN' });
  });

  test('a Smart number', () => {
    const granted = grantedNumber('+639181234567', nothingBound);
    expect(granted.ok && granted.value).toMatchObject({ national: '09181234567', carrier: 'smart' });
  });

  test('already bound: says which (masked) and how to bind another', () => {
    expect(grantedNumber('13800138000', bound('13800138000'))).toEqual({
      ok: false,
      error: 'bound',
      message: '微信绑定的号码 138****8000 已经绑定过了。要绑定其他号码，请在下方手动输入',
    });
  });

  test('a number this service cannot renew: the reason, and the way out', () => {
    const granted = grantedNumber('+85291234567', nothingBound);
    expect(granted).toEqual({
      ok: false,
      error: 'bad_prefix',
      message: '微信绑定的号码暂时不能在这里续费：只支持中国大陆（+86）和菲律宾（+63）的手机号，请检查国家代码。可以手动输入其他号码',
    });
  });

  test('a Globe number is named as such', () => {
    const granted = grantedNumber('09171234567', nothingBound);
    expect(!granted.ok && granted.message).toBe('微信绑定的号码暂时不能在这里续费：这是 Globe / TM 的号码，暂只支持 Smart / TNT 号码续费。可以手动输入其他号码');
  });

  test.each([[''], [null], [undefined], [{}], ['abc']])('hostile grant %p: a message, no crash, the bound check never asked', (raw) => {
    const isBound = jest.fn(() => true);
    const granted = grantedNumber(raw as never, isBound);
    expect(granted.ok).toBe(false);
    expect(!granted.ok && granted.message).toMatch(/^微信绑定的号码暂时不能在这里续费：.+。可以手动输入其他号码$/);
    expect(isBound).not.toHaveBeenCalled();
  });
});

describe('numberToVerify: the typed number an SMS code goes to', () => {
  test('any usual written form comes back national', () => {
    expect(numberToVerify(' 138-0013-8000 ', nothingBound)).toEqual({ ok: true, value: '13800138000' });
    expect(numberToVerify('0918 123 4567', nothingBound)).toEqual({ ok: true, value: '09181234567' });
  });

  test('a bound number is refused in words', () => {
    expect(numberToVerify('13800138000', bound('13800138000'))).toEqual({ ok: false, error: 'bound', message: '这个号码已经绑定过了，不用重复绑定' });
  });

  test('a short number says how many digits are missing', () => {
    expect(numberToVerify('1380013', nothingBound)).toEqual({
      ok: false,
      error: 'too_short',
      message: expect.stringContaining('少了 4 位'),
    });
  });

  test.each([[''], ['   '], [null], [{}], ['138abc00138']])('hostile %p: refused with a Chinese reason', (raw) => {
    const answer = numberToVerify(raw as never, nothingBound);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the SMS sentences', () => {
  test.each([
    ['13800138000', '验证码已发送到 138****8000，5 分钟内有效'],
    ['09181234567', '验证码已发送到 0918***4567，5 分钟内有效'],
  ])('codeSent(%s) never shows the full number', (national, words) => {
    expect(codeSent(national)).toBe(words);
  });

  test.each([
    ['123456', '演示环境不发真短信，验证码是 123456'],
    ['', ''],
    [undefined, ''],
  ])('demoHint(%p) → %p', (code, words) => {
    expect(demoHint(code)).toBe(words);
  });
});

describe('carrierPatch: the carrier to pre-select for a typed number', () => {
  test('a Unicom number while China Mobile is selected: switch to Unicom, options unchanged', () => {
    expect(carrierPatch('18600186002', '', 'cmcc', 'cmcc')).toEqual({ carrier: 'cucc' });
  });

  test('a Smart number: Smart, and the Philippine options', () => {
    expect(carrierPatch('09181234567', '', 'cmcc', 'cmcc')).toEqual({ carrier: 'smart', carrierOptions: [{ id: 'smart', name: 'Smart' }] });
  });

  test('back to a mainland number from Smart: the mainland options again', () => {
    expect(carrierPatch('13800138000', '', 'smart', 'smart')).toEqual({
      carrier: 'cmcc',
      carrierOptions: [
        { id: 'cmcc', name: '中国移动' },
        { id: 'cucc', name: '中国联通' },
        { id: 'ctcc', name: '中国电信' },
        { id: 'cbn', name: '中国广电' },
      ],
    });
  });

  test('nothing to change: null (no setData)', () => {
    expect(carrierPatch('13800138000', '', 'cmcc', 'cmcc')).toBeNull();
  });

  test('携号转网: a carrier the user chose for this very number is kept', () => {
    expect(carrierPatch('13800138000', '13800138000', 'cucc', 'cmcc')).toBeNull();
    expect(carrierPatch('138 0013 8000', '13800138000', 'cucc', 'cmcc')).toBeNull();
  });

  test('the choice was for another number: the segment decides again', () => {
    expect(carrierPatch('13800138000', '18600186002', 'cucc', 'cmcc')).toEqual({ carrier: 'cmcc' });
  });

  test.each([['1380013'], [''], [null], ['abc'], ['+85291234567']])('an unfinished or hostile number %p changes nothing', (raw) => {
    expect(carrierPatch(raw as never, '', 'cmcc', 'cmcc')).toBeNull();
  });
});

describe('choiceOwner: the number a carrier or card type picked by hand belongs to', () => {
  test('the WeChat number while granted, whatever the field says', () => {
    expect(choiceOwner(phone('13800138000'), '18600186002')).toBe('13800138000');
    expect(choiceOwner(phone('13800138000'), '')).toBe('13800138000');
  });

  test('else the typed number, in national form', () => {
    expect(choiceOwner(null, '+86 186 0018 6002')).toBe('18600186002');
    expect(choiceOwner(null, '0918 123 4567')).toBe('09181234567');
  });

  test.each([[''], ['1380013'], ['abc'], [null], [{}]])('no number yet (%p): nobody, so a later number is not held to the choice', (raw) => {
    expect(choiceOwner(null, raw as never)).toBe('');
  });
});

describe('newBoundCard', () => {
  test('what the user proved and chose, not default, reminded 3 days before', () => {
    const now = Date.UTC(2026, 10, 25, 2, 30, 0);
    expect(newBoundCard({ phone: phone('18600186002'), verifiedBy: 'sms', carrier: 'ctcc', cardType: 'data', nickname: '路由器', now })).toEqual({
      phone: '18600186002',
      region: 'CN',
      carrier: 'ctcc',
      cardType: 'data',
      nickname: '路由器',
      isDefault: false,
      boundAt: now,
      verifiedBy: 'sms',
      remindDaysBefore: 3,
    });
  });

  test('a Smart number keeps its region', () => {
    const card = newBoundCard({ phone: phone('09181234567'), verifiedBy: 'wechat', carrier: 'smart', cardType: 'keep', nickname: '', now: 0 });
    expect(card).toMatchObject({ phone: '09181234567', region: 'PH', verifiedBy: 'wechat', nickname: '' });
  });
});
