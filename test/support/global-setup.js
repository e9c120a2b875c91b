/** Page tests resolve Vant from the miniprogram_npm folders: build them when a bare `jest` run finds them missing or stale (a no-op when up to date). */
module.exports = async () => {
  const { buildNpm } = require('../../scripts/build.js');
  await buildNpm({ quiet: true });
};
