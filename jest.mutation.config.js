/**
 * Jest for mutation testing (Stryker, `npm run test:mutation`): the unit tests of the core and its
 * adapters, run from the sources Stryker mutates. Not the tests of what ships (the CLI bundle, the
 * Lambda asset, the template): they run built artifacts, which Stryker's mutants never reach, and
 * their setup bundles and synthesizes (minutes per mutant). `roots` holds lambda/ as well as test/:
 * with test/ alone, Stryker's coverage analysis leaves out every test that reaches the code through
 * test/helpers.ts.
 */
module.exports = {
  // Once a test fails against a mutant, the run's other tests are skipped (the mutant is killed).
  // A relative path: Stryker loads it too, from the project folder, and reads no <rootDir>.
  testEnvironment: './test/mutation-environment.js',
  roots: ['<rootDir>/test', '<rootDir>/lambda'],
  testMatch: [
    '<rootDir>/test/core/**/*.test.ts',
    '<rootDir>/test/adapters/**/*.test.ts',
    '<rootDir>/test/handlers/rebuild.test.ts',
    '<rootDir>/test/handlers/remote-state.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/test/core/formats/vtimezone-all-zones\\.test\\.ts$'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(feed)/)'],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  globalSetup: '<rootDir>/test/temp-setup.js',
  // With Stryker's `-t` (the tests covering a mutant), runs only the files that hold them.
  testSequencer: '<rootDir>/test/mutation-sequencer.js',
  globals: { TEST_TZ: 'UTC' },
};
