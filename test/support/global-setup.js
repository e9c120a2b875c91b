/** Page tests resolve Vant from miniprogram/miniprogram_npm: build it when a bare `jest` run finds it missing. */
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  const marker = path.resolve(__dirname, '../../miniprogram/miniprogram_npm/@vant/weapp/button/index.json');
  if (!fs.existsSync(marker)) {
    const { buildNpm } = require('../../scripts/build.js');
    await buildNpm({ quiet: true });
  }
};
