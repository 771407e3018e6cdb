/** Browser tests (`npm run test:browser`): Debian's chromium driven by playwright-core. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/temp-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 60_000,
};
