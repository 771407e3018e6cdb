/** Browser tests (`npm run test:browser`): Debian's chromium driven by playwright-core. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['@swc/jest'] },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 60_000,
};
