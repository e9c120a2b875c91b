/**
 * Jest strips TypeScript with esbuild (test/support/esbuild-transform.js; tsc checks the
 * types in npm test); page tests render real WXML with miniprogram-simulate.
 */
const os = require('os');

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
  testSequencer: '<rootDir>/test/support/sequencer.js',
  testTimeout: 20000,
  // Jest's default is one worker fewer than the cores: a single worker on two cores, which
  // leaves a core idle while a browser file waits on Chromium. Twice the cores (at most four)
  // keeps both busy: on two cores the whole run holds them 97% busy with three or four.
  maxWorkers: Math.min(4, 2 * os.cpus().length),
};
