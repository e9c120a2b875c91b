/** The preview's copy of WXML aria attributes onto the DOM: simulate's names → the DOM's. */
import { domAriaName } from '../../scripts/preview/shell/aria';

test.each([
  ['ariaLabel', 'aria-label'],
  ['aria-label', 'aria-label'],
  ['ariaRole', 'role'],
  ['ariaChecked', 'aria-checked'],
  ['ariaSelected', 'aria-selected'],
  ['class', null],
  ['data-id', null],
])('%p → %p', (name, dom) => {
  expect(domAriaName(name)).toBe(dom);
});
