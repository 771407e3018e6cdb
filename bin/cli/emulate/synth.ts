/**
 * The cloud assembly `calpub emulate` runs: the one `npx cdk synth` makes (the project's cdk.json,
 * bin/app.ts, cdk-nag, the function bundled by esbuild), so what is emulated is what deploys.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The calpub checkout this code runs from (the folder with cdk.json), or null when installed without it. */
export function projectRoot(from = __dirname): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'cdk.json')) && existsSync(path.join(dir, 'lib'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Runs `cdk synth` into `outdir` and resolves with it. The CloudFormation schema validator is skipped
 * (it checks the template, which `cdk deploy` does anyway; it costs ~5 s); cdk-nag still runs.
 */
export function synthesize(root: string, outdir: string, log: (line: string) => void): Promise<string> {
  const cli = path.join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  if (!existsSync(cli)) return Promise.reject(new Error(`no CDK CLI at ${cli}: run \`npm install\` in ${root}`));
  log(`calpub emulate: synthesizing the stack (npx cdk synth -o ${path.relative(process.cwd(), outdir) || '.'})`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'synth', '--quiet', '--output', outdir], {
      cwd: root,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_VALIDATION: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(outdir) : reject(new Error(`cdk synth failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}
