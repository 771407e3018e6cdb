/** Jest runs TypeScript through SWC (TypeScript 7 has no ts-jest support); see TOOLCHAIN.md. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(feed)/)'],
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
