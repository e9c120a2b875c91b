/** @jest-environment node */
/**
 * The layer walls are ESLint rules (eslint.config.mjs). Each row lints a one-line import
 * as if it sat in that file, and expects the wall to hold (or, for what is allowed, to
 * stay quiet), so a rule that stops matching fails here instead of silently.
 */
import { execFileSync } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');
const WALL = '@typescript-eslint/no-restricted-imports';

const CASES: [string, string, string, boolean][] = [
  ['a page may not pick a backend', 'miniprogram/pages/lookup/index.ts', "import { MockCarrierGateway } from '../../backends/offline/gateway';", true],
  ['a page may not reach into the record store', 'miniprogram/pages/records/index.ts', "import { ShardedRecordStore } from '../../services/records/store';", true],
  ['a page may use the container', 'miniprogram/pages/records/index.ts', "import { services } from '../../services/container';", false],
  ['a component may not touch the container', 'miniprogram/components/card-summary/index.ts', "import { services } from '../../services/container';", true],
  ['a component may import contract types', 'miniprogram/components/payment-sheet/index.ts', "import type { PaymentRequest } from '../../services/contracts';", false],
  ['a component may not pick a backend', 'miniprogram/components/payment-sheet/index.ts', "import type { MockWeChatPay } from '../../backends/offline/wechat-pay';", true],
  ['core may not import services', 'miniprogram/core/order.ts', "import { services } from '../services/container';", true],
  ['core may not import pages', 'miniprogram/core/order.ts', "import { resultView } from '../pages/result/view';", true],
  ['page rules keep core walls: no services', 'miniprogram/pages/plan/core/keep-plan.ts', "import { services } from '../../../services/container';", true],
  ['page rules keep core walls: no shared views', 'miniprogram/pages/plan/core/keep-plan.ts', "import { cardTile } from '../../../view/card-tile';", true],
  ['page rules may use core', 'miniprogram/pages/plan/core/keep-plan.ts', "import { addDays } from '../../../core/dates';", false],
  ['core may not import the shared views', 'miniprogram/core/order.ts', "import { cardTile } from '../view/card-tile';", true],
  ["a subpackage's core may not import services", 'miniprogram/pages/invoice/core/invoice.ts', "import { services } from '../../../services/container';", true],
  ["a subpackage's core may not import the shared views", 'miniprogram/pages/invoice/core/invoice.ts', "import { cardTile } from '../../../view/card-tile';", true],
  ["a subpackage's core may use core", 'miniprogram/pages/invoice/core/invoice.ts', "import { formatMoney } from '../../../core/money';", false],
  ['a shared view may not import services', 'miniprogram/view/card-tile.ts', "import { services } from '../services/container';", true],
  ['a service may not pick a backend', 'miniprogram/services/checkout/checkout.ts', "import { MockWeChatPay } from '../../backends/offline/wechat-pay';", true],
  ['the container picks the backends', 'miniprogram/services/container.ts', "import { MockWeChatPay } from '../backends/offline/wechat-pay';", false],
  ['a backend may not import pages', 'miniprogram/backends/offline/gateway.ts', "import { resultView } from '../../pages/result/view';", true],
];

test('the walls between layers hold, and what is allowed stays allowed', () => {
  const snippets = CASES.map(([, filePath, line]) => ({ filePath, code: `${line}\nexport const used = typeof ${/\{ (?:type )?(\w+)/.exec(line)?.[1] ?? 'undefined'};\n` }));
  const output = execFileSync(process.execPath, [path.join(ROOT, 'test/support/lint-snippets.mjs')], { cwd: ROOT, input: JSON.stringify(snippets), encoding: 'utf8' });
  const hits = JSON.parse(output) as string[][];
  const verdicts = CASES.map(([name], i) => [name, hits[i].includes(WALL)]);
  expect(verdicts).toEqual(CASES.map(([name, , , blocked]) => [name, blocked]));
});

test('a page index.ts over 250 lines is refused, comments and blank lines counted; 250 lines pass', () => {
  // One line of code, then comments and blank lines: only a rule that counts them all refuses it.
  const page = (lines: number) => ['export const used = 1;', ...Array.from({ length: lines - 1 }, (_, i) => (i % 2 ? '' : `// note ${i}`))].join('\n') + '\n';
  const snippets = [251, 250].map((lines) => ({ filePath: 'miniprogram/pages/lookup/index.ts', code: page(lines) }));
  expect(snippets.map((s) => s.code.split('\n').length - 1)).toEqual([251, 250]);
  const output = execFileSync(process.execPath, [path.join(ROOT, 'test/support/lint-snippets.mjs')], { cwd: ROOT, input: JSON.stringify(snippets), encoding: 'utf8' });
  const hits = JSON.parse(output) as string[][];
  expect(hits.map((rules) => rules.includes('max-lines'))).toEqual([true, false]);
});
