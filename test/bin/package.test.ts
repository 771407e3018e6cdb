/**
 * The npm package, as a Hugo site's CI installs it (`npm install calpub`, here from `npm pack`): the
 * CLI bundle alone, no runtime dependency (no aws-cdk-lib, AWS SDK or tsx), and it builds what the
 * repository's CLI builds, byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, runCli } from '../cli';

const NOW = '2026-12-01T12:00:00Z';

/** Every file under `dir` (relative paths), `.calpub/` left out. */
function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === '.calpub'
        ? []
        : files(dir, path.posix.join(rel, e.name))
      : [path.posix.join(rel, e.name)],
  );
}

function diskUsage(dir: string): number {
  return files(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

describe('the npm package', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'calpub-pack-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), '{"name":"a-hugo-site","private":true}\n');
  const install = spawnSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)],
    { cwd: app, encoding: 'utf8' },
  );

  it('holds the CLI bundle and nothing else to install', () => {
    expect(packed.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'README.md',
      'bin/run.cjs',
      'dist/calpub.cjs',
      'package.json',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(install.status).toBe(0);
    expect(readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['calpub']);
    // Measured: README § With an existing Hugo site states these sizes.
    expect(packed.size).toBeLessThan(400_000);
    expect(diskUsage(path.join(app, 'node_modules'))).toBeLessThan(1_500_000);
  });

  it('builds a Hugo site as the repository CLI does, byte for byte', () => {
    const site = path.join(work, 'site');
    cpSync(path.join(ROOT, 'test', 'fixtures', 'hugo-site'), site, { recursive: true });
    const installed = spawnSync(
      path.join(app, 'node_modules', '.bin', 'calpub'),
      ['build', '--site', '.', '--out', 'public', '--now', NOW],
      { cwd: site, encoding: 'utf8' },
    );
    expect([installed.status, installed.stderr]).toEqual([0, '']);
    const repo = runCli(['build', '--site', '.', '--out', 'public-repo', '--now', NOW], { cwd: site });
    expect(repo.status).toBe(0);
    const made = files(path.join(site, 'public')).sort();
    expect(made).toEqual(files(path.join(site, 'public-repo')).sort());
    expect(made).toContain('fr/calendar.ics');
    for (const f of made)
      expect([
        f,
        readFileSync(path.join(site, 'public', f)).equals(readFileSync(path.join(site, 'public-repo', f))),
      ]).toEqual([f, true]);
  });

  it("runs the README's GitHub Pages workflow lines as written, offline, in a Hugo site that keeps the tarball", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const workflow = /```yaml\n# \.github\/workflows\/hugo\.yml[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const steps = [...workflow.matchAll(/^ +- run: (.+)$/gm)]
      .map((m) => m[1])
      .filter((line) => !line.startsWith('hugo'));
    expect(steps).toEqual([
      expect.stringMatching(/^npm install --no-save \.\/calpub-\d+\.\d+\.\d+\.tgz$/),
      expect.stringMatching(/^npx calpub build --site \. --out public --strict /),
    ]);
    expect(steps[0]).toContain(packed.filename);
    const site = path.join(work, 'pages-site');
    cpSync(path.join(ROOT, 'test', 'fixtures', 'hugo-site'), site, { recursive: true });
    cpSync(path.join(work, packed.filename), path.join(site, packed.filename));
    // GitHub fills `steps.pages.outputs.base_url`; npm runs offline here (nothing else to fetch).
    const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
    for (const step of steps) {
      const line = step.replace(/\$\{\{ steps\.pages\.outputs\.base_url \}\}/g, 'https://lab.example.org');
      const r = spawnSync('sh', ['-c', line], { cwd: site, encoding: 'utf8', env });
      expect([line, r.status, r.status === 0 ? '' : r.stderr]).toEqual([line, 0, '']);
    }
    expect(readFileSync(path.join(site, 'public', 'calendar.ics'), 'utf8')).toContain(
      'UID:event/spring-seminar@lab.example.org\r\n',
    );
  });
});
