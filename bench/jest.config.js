/**
 * Runs the bench's measurements (bench/*.bench.ts) with the same TypeScript transform (esbuild) and
 * wx set-up as the tests, so pages render through miniprogram-simulate exactly as in tests.
 * scripts/bench.js drives it; each bench file writes its figures to node_modules/.cache/bench-out/.
 */
const path = require('path');

const root = path.resolve(__dirname, '..');

module.exports = {
  rootDir: root,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/bench'],
  testMatch: ['**/*.bench.ts'],
  transform: {
    '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 300000,
};
