/**
 * Jest runs TypeScript through SWC (TypeScript 7 has no ts-jest support); see TOOLCHAIN.md.
 * Every test file runs twice, under two process time zones far apart, because calendar output must
 * never depend on the machine's TZ.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(feed)/)'],
};
const zones = ['UTC', 'Pacific/Kiritimati'];
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.js',
  projects: zones.map((zone) => ({
    ...base,
    displayName: `TZ=${zone}`,
    setupFiles: ['<rootDir>/test/setup-env.js'],
    globals: { TEST_TZ: zone },
  })),
};
