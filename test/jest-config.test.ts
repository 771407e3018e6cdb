/**
 * The suite's own settings as Jest reads them: the timeout sized for a loaded machine is the one in
 * force (Jest takes `testTimeout` from the top level only; set inside `projects`, it was ignored and a
 * loaded CI run failed at the default 5 s).
 */
import * as path from 'node:path';
import { readConfigs } from 'jest-config';

describe('jest.config.js as Jest reads it', () => {
  it('gives every test 60 s and runs each file in two process time zones', async () => {
    const root = path.join(__dirname, '..');
    const { globalConfig, configs } = await readConfigs(
      { $0: 'jest', _: [], config: path.join(root, 'jest.config.js') } as never,
      [root],
    );
    expect(globalConfig.testTimeout).toBe(60_000);
    expect(configs.map((c) => c.displayName?.name)).toEqual(['TZ=UTC', 'TZ=Pacific/Kiritimati']);
  });
});
