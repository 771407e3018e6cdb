/** Starting `calpub emulate` on a content folder in tests, and waiting for what it serves. */
import { waitFor } from '../wait';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runEmulate, type EmulateOptions, type Emulation } from '../../bin/cli/emulate/index';

/**
 * Runs the emulator of the synthesized stack on a new content folder that `fill` writes; resolves
 * once the first build is served. Durations are the template's × 0.001 unless `options` say else;
 * no schedule runs. The caller stops the emulation and removes `content`.
 */
export async function emulateSite(
  fill: (dir: string) => void,
  lines: string[],
  options: Partial<EmulateOptions> = {},
): Promise<{ emulation: Emulation; content: string }> {
  const content = mkdtempSync(path.join(tmpdir(), 'calpub-emulate-content-'));
  fill(content);
  const emulation = await runEmulate({
    content,
    port: 0,
    log: (line) => lines.push(line),
    cdkOut: process.env.CALPUB_TEST_CDK_OUT,
    timeScale: 0.001,
    schedules: false,
    ...options,
  });
  try {
    await emulation.settled();
    await waitFor('the emulated site to serve calendar.ics', async () =>
      (await fetch(`${emulation.url}calendar.ics`)).status === 200 ? true : null,
    );
  } catch (err) {
    await emulation.stop();
    throw new Error(`${(err as Error).message}\n${lines.join('\n')}`);
  }
  return { emulation, content };
}

export { waitFor } from '../wait';
