/** `npm start`: the local server's contract (content types, what it never serves) and rebuild on change. */
import { waitFor } from '../wait';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contentTypeFor, startStaticServer } from '../../bin/cli/serve';
import { CLI, ROOT, runCli } from '../cli';

describe('startStaticServer', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-serve-'));
    mkdirSync(path.join(dir, 'event', 'a'), { recursive: true });
    mkdirSync(path.join(dir, '.calpub'));
    writeFileSync(path.join(dir, 'calendar.ics'), 'BEGIN:VCALENDAR\r\n');
    writeFileSync(path.join(dir, 'event', 'a', 'index.html'), '<p>a</p>');
    writeFileSync(path.join(dir, '.calpub', 'state.json'), '{}');
    mkdirSync(path.join(dir, 'fr', 'embed'), { recursive: true });
    writeFileSync(path.join(dir, 'fr', 'embed', 'index.html'), '<p>widget</p>');
    server = await startStaticServer(dir, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('serves calendars as text/calendar and folders as their index.html', async () => {
    const ics = await fetch(`${base}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const page = await fetch(`${base}/event/a/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('lets other sites frame the widget only, as CloudFront does', async () => {
    expect((await fetch(`${base}/fr/embed/?count=3`)).headers.get('content-security-policy')).toContain(
      'frame-ancestors *',
    );
    expect((await fetch(`${base}/event/a/`)).headers.get('content-security-policy')).toContain(
      "frame-ancestors 'none'",
    );
  });

  it('never serves the private state folder or anything outside the site', async () => {
    expect((await fetch(`${base}/.calpub/state.json`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/missing.ics`)).status).toBe(404);
  });

  it('knows the feed content types of the outputs table', () => {
    expect(contentTypeFor('rss.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(contentTypeFor('atom.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(contentTypeFor('feed.json')).toBe('application/feed+json; charset=utf-8');
    expect(contentTypeFor('schedule.json')).toBe('application/json; charset=utf-8');
  });
});

describe('calpub serve', () => {
  it('builds, prints the URLs, and rebuilds within a second of an edit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-serve-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'site'), path.join(dir, 'content'), { recursive: true });
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(
      process.execPath,
      [CLI, 'serve', '--content', 'content', '--out', 'public', '--port', String(port)],
      { cwd: dir },
    );
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    try {
      // Start-up may include bundling the CLI and share two cores with the rest of the suite: the
      // contract measured here is the rebuild after an edit.
      await waitFor('the server to say it is watching', () => stdout.includes('watching'));
      expect(stdout).toContain(`calendar:  http://127.0.0.1:${port}/calendar.ics`);
      expect(stdout).toContain(`subscribe: webcal://127.0.0.1:${port}/calendar.ics`);
      const page = path.join(dir, 'content', 'event', 'three-days', 'index.md');
      writeFileSync(page, readFileSync(page, 'utf8').replace('title: Conference days', 'title: Renamed days'));
      const edited = Date.now();
      await waitFor('the renamed page in calendar.ics', async () =>
        (await (await fetch(`http://127.0.0.1:${port}/calendar.ics`)).text()).includes('SUMMARY:Renamed days'),
      ).catch((err: Error) => {
        throw new Error(`${err.message}; the server printed:\n${stdout}`);
      });
      expect(Date.now() - edited).toBeLessThan(1000);

      // Editors and tools that write a new file and rename it over the page (vim, `sed -i`, git).
      const calendarHas = (text: string) => async () =>
        (await (await fetch(`http://127.0.0.1:${port}/calendar.ics`)).text()).includes(text);
      const temp = path.join(dir, 'content', 'event', 'three-days', '.index.md.swp');
      writeFileSync(temp, readFileSync(page, 'utf8').replace('title: Renamed days', 'title: Replaced days'));
      renameSync(temp, page);
      await waitFor('SUMMARY:Replaced days in calendar.ics', calendarHas('SUMMARY:Replaced days'));
      execFileSync('sed', ['-i', 's/title: Replaced days/title: Sed days/', page]);
      await waitFor('SUMMARY:Sed days in calendar.ics', calendarHas('SUMMARY:Sed days'));
      // The watched file replaced twice: it is still watched.
      writeFileSync(temp, readFileSync(page, 'utf8').replace('title: Sed days', 'title: Third days'));
      renameSync(temp, page);
      await waitFor('SUMMARY:Third days in calendar.ics', calendarHas('SUMMARY:Third days'));
      // A new page in a new folder, and a calpub.yaml edit (the source is read again).
      mkdirSync(path.join(dir, 'content', 'event', 'new-one'));
      writeFileSync(
        path.join(dir, 'content', 'event', 'new-one', 'index.md'),
        "---\ntitle: Brand new\ndate: '2027-01-01T10:00:00Z'\n---\n",
      );
      await waitFor('SUMMARY:Brand new in calendar.ics', calendarHas('SUMMARY:Brand new'));
      const config = path.join(dir, 'content', 'calpub.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/^title: .*$/m, 'title: Retitled'));
      await waitFor('X-WR-CALNAME:Retitled in calendar.ics', calendarHas('X-WR-CALNAME:Retitled'));
    } finally {
      child.kill('SIGINT');
    }
  }, 45_000);

  it('exits 1 with a message, writing nothing, when the port is in use', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-serve-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'site'), path.join(dir, 'content'), { recursive: true });
    const busy = await startStaticServer(dir, 0);
    try {
      const port = (busy.address() as AddressInfo).port;
      const r = runCli(['serve', '--port', String(port)], { cwd: dir, timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`calpub: port ${port} is in use (another calpub serve?): stop it, or pass --port <n>\n`);
      expect(existsSync(path.join(dir, 'public'))).toBe(false);
    } finally {
      busy.close();
    }
  });
});
