/** The home tab is called what its tab says (issue 12 item 16: it was titled 我的号码 under a 首页 tab). */
import fs from 'fs';
import path from 'path';
import { MINIPROGRAM_ROOT } from '../support/page-driver';

function json(relative: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, relative), 'utf8'));
}

test.each(['home', 'lookup', 'mine'])('the %s tab page is titled as its tab', (page) => {
  const tab = json('app.json').tabBar.list.find((item: { pagePath: string }) => item.pagePath === `pages/${page}/index`);
  expect(json(`pages/${page}/index.json`).navigationBarTitleText).toBe(tab.text);
});
