import { contactNumbers, numberOfRow, pickAfterPrivacy, pickFromContacts, sheetOf } from '../../../miniprogram/services/cards/contact-pick';
import { FakePrivacyService } from '../../../miniprogram/services/wx/privacy';
import { FakeDevice } from '../../support/fakes';

describe('contactNumbers: the same parsing as typing', () => {
  test.each<[string, unknown[], string[]]>([
    ['one mainland number with spaces', ['138 0013 8000'], ['13800138000']],
    ['+86 and dashes', ['+86 186-0018-6002'], ['18600186002']],
    ['a Smart number', ['+63 918 123 4567'], ['09181234567']],
    ['the same number twice, written two ways', ['13800138000', '+8613800138000'], ['13800138000']],
    ['a landline and a mobile: the mobile', ['010-12345678', '13900139000'], ['13900139000']],
    ['junk', [null, 42, '', '  '], []],
  ])('%s', (_name, raw, nationals) => {
    expect(contactNumbers(raw).numbers.map((n) => n.national)).toEqual(nationals);
  });

  test('each keeps its carrier and is masked for the view', () => {
    expect(contactNumbers(['13800138000', '09181234567']).numbers).toEqual([
      { national: '13800138000', masked: '138****8000', carrier: 'cmcc' },
      { national: '09181234567', masked: '0918***4567', carrier: 'smart' },
    ]);
  });

  test('not an array: nothing, no throw', () => {
    expect(contactNumbers('13800138000' as never)).toEqual({ numbers: [], firstRefusal: '' });
  });
});

describe('pickFromContacts', () => {
  test('one number: it, with the name offered as 备注名', async () => {
    const device = new FakeDevice();
    device.pickContact('妈妈', '138 0013 8000');
    expect(await pickFromContacts(device)).toEqual({ ok: true, name: '妈妈', nickname: '妈妈', numbers: [{ national: '13800138000', masked: '138****8000', carrier: 'cmcc' }] });
  });

  test('a long name is cut to a valid 备注名', async () => {
    const device = new FakeDevice();
    device.pickContact('  一二三四五六七八九十一二三四  ', '13800138000');
    const pick = await pickFromContacts(device);
    expect(pick.ok && pick.nickname).toBe('一二三四五六七八九十一二');
  });

  test.each<[string, () => FakeDevice, string, string]>([
    ['cancelled', () => new FakeDevice(), 'cancelled', '没有选择联系人，号码没有改动'],
    [
      'denied',
      () => {
        const d = new FakeDevice();
        d.contactAnswers.push({ ok: false, error: 'denied', message: '' });
        return d;
      },
      'denied',
      '没有通讯录权限，号码没有改动',
    ],
    [
      'a device that throws',
      () => {
        const d = new FakeDevice();
        d.chooseContact = () => Promise.reject(new Error('boom'));
        return d;
      },
      'failed',
      '打开通讯录失败',
    ],
    [
      'no mobile number',
      () => {
        const d = new FakeDevice();
        d.pickContact('物业', '010-12345678');
        return d;
      },
      'no_number',
      '「物业」没有能在这里充值的手机号（只支持中国大陆手机号和菲律宾 Smart / TNT 号码）',
    ],
    [
      'a Globe number',
      () => {
        const d = new FakeDevice();
        d.pickContact('Juan', '0917 123 4567');
        return d;
      },
      'no_number',
      '「Juan」的号码不能在这里充值：这是 Globe / TM 的号码',
    ],
    [
      'no numbers and no name',
      () => {
        const d = new FakeDevice();
        d.pickContact('');
        return d;
      },
      'no_number',
      '这个联系人没有能在这里充值的手机号（只支持中国大陆手机号和菲律宾 Smart / TNT 号码）。号码没有改动',
    ],
  ])('%s → %s, with words that say nothing changed', async (_name, make, error, words) => {
    const pick = await pickFromContacts(make());
    expect(pick).toMatchObject({ ok: false, error });
    expect(!pick.ok && pick.message).toContain(words);
    expect(!pick.ok && pick.message).toContain('号码没有改动');
    // The field's typing advice (请输入…) would tell the user to type into a contact.
    expect(!pick.ok && pick.message).not.toContain('请输入');
  });
});

describe('sheetOf: a contact with several numbers', () => {
  test('masked rows with their carrier, and who they belong to', async () => {
    const device = new FakeDevice();
    device.pickContact('爸爸', '13800138000', '18600186002', '13811118000');
    const pick = await pickFromContacts(device);
    if (!pick.ok) throw new Error(pick.message);
    expect(sheetOf(pick)).toEqual({
      description: '「爸爸」有 3 个号码，要用哪一个？',
      actions: [
        { name: '138****8000（尾号 38000）', subname: '中国移动' },
        { name: '186****6002', subname: '中国联通' },
        { name: '138****8000（尾号 18000）', subname: '中国移动' },
      ],
    });
  });
});

describe('pickAfterPrivacy: the agreement before the address book', () => {
  test('agreed: the address book opens and answers', async () => {
    const device = new FakeDevice();
    device.pickContact('妈妈', '13800138000');
    const pick = await pickAfterPrivacy({ device, privacy: new FakePrivacyService({ agreed: true }) });
    expect(pick).toMatchObject({ ok: true, name: '妈妈' });
    expect(device.contactPicks).toBe(1);
  });

  test('refused: the address book stays shut, and the words say nothing changed', async () => {
    const device = new FakeDevice();
    const privacy = new FakePrivacyService({ agreed: false });
    privacy.onNeed((resolve) => resolve({ event: 'disagree' }));
    const pick = await pickAfterPrivacy({ device, privacy });
    expect(pick).toEqual({ ok: false, error: 'privacy', message: expect.stringContaining('不能打开通讯录，号码没有改动') });
    expect(device.contactPicks).toBe(0);
  });
});

describe('numberOfRow: the number behind the chosen sheet row', () => {
  const numbers = contactNumbers(['13800138000', '13811118000', '18600186002']).numbers;

  test('rows that mask alike are told apart by their tail, and each leads to its own number', () => {
    const pick = { ok: true as const, name: '', nickname: '', numbers };
    const rows = sheetOf(pick).actions;
    expect(rows.map((r) => numberOfRow(numbers, rows, r.name)?.national)).toEqual(['13800138000', '13811118000', '18600186002']);
  });

  test('a row that is not there: nothing', () => {
    expect(numberOfRow(numbers, [{ name: 'x' }], 'y')).toBeUndefined();
    expect(numberOfRow(numbers, [], undefined)).toBeUndefined();
  });
});
