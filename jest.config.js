/**
 * Jest runs TypeScript through SWC: TypeScript 7 has no ts-jest support (tsc type-checks in CI).
 * Every test file runs twice, under two process time zones far apart, because calendar output must
 * never depend on the machine's TZ. The exceptions run what they test in processes with a zone of
 * their own (the Lambda containers of the emulator run with TZ=UTC, as on AWS) or test no time at
 * all (the local S3 server): a second run would only cost time.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(feed)/)'],
};
const ZONE_FREE = [
  '/test/core/formats/vtimezone-all-zones\\.test\\.ts$',
  '/test/bin/emulate\\.test\\.ts$',
  '/test/bin/emulate-delivery\\.test\\.ts$',
  '/test/bin/local-s3\\.test\\.ts$',
  '/test/handlers/publish-asset\\.test\\.ts$',
];
const zones = ['UTC', 'Pacific/Kiritimati'];
module.exports = {
  // Sized for a loaded machine (CI runs the suite a second time with both cores busy): a test fails
  // for a defect, not for a slow minute. Tests that wait for something say what (test/wait.ts). At the
  // top level: Jest ignores `testTimeout` inside `projects` (it was there, and 5 s applied).
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  projects: zones.map((zone, i) => ({
    ...base,
    displayName: `TZ=${zone}`,
    setupFiles: ['<rootDir>/test/setup-env.js'],
    globals: { TEST_TZ: zone },
    testPathIgnorePatterns: ['/node_modules/', ...(i > 0 ? ZONE_FREE : [])],
  })),
};
