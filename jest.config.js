/**
 * Jest strips TypeScript with esbuild (test/support/esbuild-transform.js; tsc checks the
 * types in npm test); page tests render real WXML with miniprogram-simulate.
 */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 20000,
  // Jest's default is one worker fewer than the cores: a single worker on a two-core machine.
  maxWorkers: '100%',
};
