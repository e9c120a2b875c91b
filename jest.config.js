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
  // Jest's default is one worker fewer than the cores: a single worker on two cores. The
  // browser journeys mostly wait on the page, so twice the cores (at most four) keeps the
  // cores busy while they wait (npm test on two cores: 125 s with two workers, 97 s with four).
  maxWorkers: Math.min(4, 2 * os.cpus().length),
};
