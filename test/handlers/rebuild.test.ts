import { rebuild, type RebuildDeps } from '../../lambda/handlers/rebuild';
import { parseRemoteState, serializeRemoteState } from '../../lambda/handlers/remote-state';
import { MemoryStore } from '../adapters/memory-store';
import { NOW } from '../helpers';
import { readCalendar } from '../ical';

const page = (n: number, extra = '') =>
  `---\ntitle: Event ${n}\ndate: '2027-01-${String(n).padStart(2, '0')}T18:00:00'\ntags: [T${n % 3}]\n${extra}---\nBody of event ${n}.\n`;
const CONFIG = 'title: Test\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n';

async function setup(count = 20) {
  const content = new MemoryStore();
  const site = new MemoryStore();
  await content.upload('calpub.yaml', CONFIG);
  for (let n = 1; n <= count; n++) await content.upload(`event/e${n}/index.md`, page(n));
  let clock = NOW;
  const deps: RebuildDeps = { content, site, contentPrefix: '', now: () => (clock += 60_000), codeVersion: 'test' };
  return { content, site, deps };
}

describe('rebuild on object storage', () => {
  it('publishes every event, with content types and Cache-Control, and a private report', async () => {
    const { content, site, deps } = await setup();
    const summary = await rebuild(deps);
    expect(summary).toMatchObject({ published: 20, rejected: 0, attempts: 1 });
    expect(readCalendar(site.objects.get('calendar.ics')?.body ?? '').events).toHaveLength(20);
    expect(site.objects.get('calendar.ics')).toMatchObject({
      contentType: 'text/calendar; charset=utf-8',
      cacheControl: 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400',
    });
    expect(site.objects.get('rss.xml')?.contentType).toBe('application/rss+xml; charset=utf-8');
    expect([...site.objects.keys()].some((k) => k.startsWith('_calpub'))).toBe(false);
    expect(JSON.parse(content.objects.get('_calpub/report.json')?.body ?? '{}')).toEqual({
      published: 20,
      languages: [{ folder: '', language: 'en', published: 20 }],
      skipped: [],
      problems: [],
    });
  });

  it('after one edit reads 3 bodies (the state, the config, the page), writes only changed files, and a no-change run writes nothing', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    const before = site.snapshot();
    await content.upload('event/e5/index.md', page(5, 'location: Room 2\n'));
    site.puts = 0;
    const summary = await rebuild(deps);
    expect(summary.objectsRead).toBe(3);
    const changed = Object.keys(site.snapshot())
      .filter((k) => site.snapshot()[k] !== before[k])
      .sort();
    expect(summary.written.sort()).toEqual(changed);
    expect(changed).toEqual([
      'atom.xml',
      'calendar.ics',
      'embed/index.html',
      'embed/tags/t2/index.html',
      'event/e5.ics',
      'event/e5/index.html',
      'feed.json',
      'index.html',
      'rss.xml',
      'schedule.json',
      'sitemap.xml',
      'tags/t2/calendar.ics',
      'tags/t2/index.html',
      'tags/t2/rss.xml',
    ]);
    site.puts = 0;
    const again = await rebuild(deps);
    expect(again).toMatchObject({ objectsRead: 2, written: [], deleted: [] });
    expect(site.puts).toBe(0);
  });

  it('in a new process (another container) reads the same 3 bodies after one edit: the state, the config and the page', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    await content.upload('event/e5/index.md', page(5, 'location: Room 2\n'));
    const summary = await rebuild({
      ...deps,
      content: new MemoryStore(content.objects),
      site: new MemoryStore(site.objects),
    });
    expect(summary.objectsRead).toBe(3);
    expect(summary.written).toContain('event/e5.ics');
  });

  it('builds on a state saved by another container', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    const other = { ...deps, content: new MemoryStore(content.objects), site: new MemoryStore(site.objects) };
    await content.upload('event/e5/index.md', page(5, 'location: Room 2\n'));
    await rebuild(other);
    await content.upload('event/e5/index.md', page(5, 'location: Room 3\n'));
    const summary = await rebuild(deps);
    expect(summary.objectsRead).toBe(3); // the state the other saved, the config, then the page
    const e5 = readCalendar(site.objects.get('event/e5.ics')?.body ?? '').events[0];
    expect([e5.location, e5.sequence]).toEqual(['Room 3', 2]);
  });

  it('removes a deleted event from every output and deletes its own files', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    await content.delete(['event/e7/index.md']);
    const summary = await rebuild(deps);
    expect(summary.deleted.sort()).toEqual(['event/e7.ics', 'event/e7/index.html']);
    expect(site.objects.has('event/e7.ics')).toBe(false);
    for (const [key, o] of site.objects)
      expect([key, o.body.includes('e7@example.org') || o.body.includes('/e7/')]).toEqual([key, false]);
  });

  it('never applies a calpub.yaml with an error: the last good one stays, no event moves', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    const before = site.snapshot();
    await content.upload('calpub.yaml', CONFIG.replace('Europe/Paris', 'Mars/Olympus_Mons'));
    const summary = await rebuild(deps);
    expect(summary).toMatchObject({ published: 20, rejected: 1, written: [], deleted: [] });
    expect(site.snapshot()).toEqual(before);
    const report = JSON.parse(content.objects.get('_calpub/report.json')?.body ?? '{}');
    expect(
      report.problems.map((p: { file: string; severity: string; field: string | null }) => [
        p.file,
        p.severity,
        p.field,
      ]),
    ).toEqual([
      ['calpub.yaml', 'error', 'timeZone'],
      ['calpub.yaml', 'warning', null],
    ]);
  });

  it('stops a first rebuild whose calpub.yaml has an error: nothing written, the report says why', async () => {
    const { content, site, deps } = await setup();
    await content.upload('calpub.yaml', CONFIG.replace('Europe/Paris', 'Mars/Olympus_Mons'));
    const summary = await rebuild(deps);
    expect(summary).toMatchObject({
      pages: 20, // the pages it would have read: a stopped build counts them (it logged 0)
      published: 0,
      rejected: 1,
      written: [],
      deleted: [],
      stopped: expect.stringMatching(/calpub\.yaml has errors/),
    });
    expect(site.objects.size).toBe(0);
    expect(content.objects.has('_calpub/state.jsonl.gz')).toBe(false);
    expect(JSON.parse(content.objects.get('_calpub/report.json')?.body ?? '{}').problems[1].message).toMatch(
      /nothing is built until they are fixed/,
    );
  });

  it('publishes the rest and reports a broken file; keeps the last good version of a page that breaks', async () => {
    const { content, site, deps } = await setup();
    await content.upload('event/bad/index.md', "---\ntitle: Bad\ndate: 'TBA'\n---\n");
    await rebuild(deps);
    expect(readCalendar(site.objects.get('calendar.ics')?.body ?? '').events).toHaveLength(20);
    expect(JSON.parse(content.objects.get('_calpub/report.json')?.body ?? '{}').problems).toEqual([
      expect.objectContaining({ file: 'event/bad/index.md', severity: 'error', field: 'date' }),
    ]);
    await content.upload('event/e3/index.md', "---\ntitle: Event 3\ndate: '2027-02-30'\n---\n");
    for (let i = 0; i < 2; i++) {
      await rebuild(deps);
      expect(readCalendar(site.objects.get('calendar.ics')?.body ?? '').events.map((e) => e.summary)).toContain(
        'Event 3',
      );
    }
  });

  it('throws when storage fails, without saving state, and the retry converges', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    const good = site.snapshot();
    await content.upload('event/e1/index.md', page(1, 'location: Moved\n'));
    content.failOn = { op: 'get', after: 1, error: Object.assign(new Error('SlowDown'), { name: 'SlowDown' }) };
    await expect(rebuild(deps)).rejects.toThrow('SlowDown');
    expect(site.snapshot()).toEqual(good); // a failed read changes nothing on the site
    content.failOn = null;
    site.failOn = { op: 'put', after: 2, error: new Error('AccessDenied') };
    await expect(rebuild(deps)).rejects.toThrow('AccessDenied');
    for (const [key, body] of Object.entries(site.snapshot()))
      if (key.endsWith('.ics')) expect(() => readCalendar(body)).not.toThrow();
    site.failOn = null;
    await rebuild(deps);
    expect(
      readCalendar(site.objects.get('calendar.ics')?.body ?? '').events.find((e) => e.summary === 'Event 1')?.location,
    ).toBe('Moved');
  });

  it('two overlapping rebuilds converge to the current content', async () => {
    const { content, site, deps } = await setup(5);
    await rebuild(deps);
    // Rebuild A starts; while it is writing, an editor changes a page and rebuild B runs to the end.
    let interleaved = false;
    site.beforePut = async () => {
      if (interleaved) return;
      interleaved = true;
      site.beforePut = null;
      await content.upload('event/e2/index.md', page(2, 'location: Late change\n'));
      await rebuild(deps);
    };
    await content.upload('event/e1/index.md', page(1, 'location: First change\n'));
    const a = await rebuild(deps);
    expect(a.attempts).toBe(2); // A lost the race on the state and started again
    const events = readCalendar(site.objects.get('calendar.ics')?.body ?? '').events;
    expect(events.find((e) => e.summary === 'Event 1')?.location).toBe('First change');
    expect(events.find((e) => e.summary === 'Event 2')?.location).toBe('Late change');
  });

  it('deletes what a rebuild that lost the race wrote for events deleted meanwhile', async () => {
    const { content, site, deps } = await setup(5);
    await rebuild(deps);
    // Rebuild A read e5 and writes its files; meanwhile e5 is deleted and rebuild B runs to the end.
    await content.upload('event/e5/index.md', page(5, 'location: Edited\n'));
    let interleaved = false;
    site.beforePut = async (key) => {
      if (interleaved || !key.includes('e5')) return;
      interleaved = true;
      site.beforePut = null;
      await content.delete(['event/e5/index.md']);
      await rebuild(deps);
    };
    const a = await rebuild(deps);
    expect(a.attempts).toBe(2);
    const fresh = new MemoryStore();
    await rebuild({
      ...deps,
      site: fresh,
      content: new MemoryStore(new Map([...content.objects].filter(([k]) => !k.startsWith('_calpub/')))),
    });
    expect([...site.objects.keys()].sort()).toEqual([...fresh.objects.keys()].sort());
    expect([...site.objects.keys()].filter((k) => k.includes('e5'))).toEqual([]);
  });

  it('repairs, within the hour, a file that a rebuild which died after losing a race left stale', async () => {
    const { content, site } = await setup(3);
    let clock = NOW;
    const deps: RebuildDeps = { content, site, contentPrefix: '', now: () => clock, codeVersion: 'test' };
    await rebuild(deps);
    const good = site.objects.get('calendar.ics')?.body;
    await site.put('calendar.ics', 'BEGIN:VCALENDAR\r\nstale\r\n', { contentType: 'text/calendar' });
    clock += 10 * 60_000;
    await rebuild(deps); // trusts its state within the hour
    clock += 60 * 60_000;
    const summary = await rebuild(deps); // the hourly rebuild compares with the site listing
    expect(summary.written).toEqual(['calendar.ics']);
    expect(site.objects.get('calendar.ics')?.body).toBe(good);
  });

  it('rebuilds from scratch when the state is missing or unreadable, removing outputs of deleted events', async () => {
    const { content, site, deps } = await setup(5);
    await rebuild(deps);
    await content.delete(['event/e4/index.md']);
    await content.upload('_calpub/state.jsonl.gz', '{not gzip');
    const summary = await rebuild(deps);
    expect(summary.deleted).toContain('event/e4.ics');
    expect(readCalendar(site.objects.get('calendar.ics')?.body ?? '').events).toHaveLength(4);
  });

  it('deletes the files a rebuild wrote before it failed, once their event is gone (its writing mark says to look)', async () => {
    const { content, site } = await setup(3);
    let clock = NOW;
    const deps: RebuildDeps = { content, site, contentPrefix: '', now: () => clock, codeVersion: 'test' };
    await rebuild(deps);
    await content.upload('event/e9/index.md', page(9));
    site.failOn = { op: 'put', after: 3, error: new Error('S3 is down') };
    await expect(rebuild(deps)).rejects.toThrow('S3 is down'); // wrote event/e9.ics, saved no state
    site.failOn = null;
    expect(site.objects.has('event/e9.ics')).toBe(true);
    expect([...content.objects.keys()].filter((k) => k.startsWith('_calpub/writing/'))).toHaveLength(1);
    await content.delete(['event/e9/index.md']);
    clock += 60_000;
    const summary = await rebuild(deps);
    expect(summary.deleted).toContain('event/e9.ics');
    expect([...site.objects.keys()].filter((k) => k.includes('e9'))).toEqual([]);
    // The failed rebuild's mark stays while it could still be running, then goes with a site check.
    expect([...content.objects.keys()].filter((k) => k.startsWith('_calpub/writing/'))).toHaveLength(1);
    clock += 20 * 60_000;
    await rebuild(deps);
    expect([...content.objects.keys()].filter((k) => k.startsWith('_calpub/writing/'))).toEqual([]);
  });

  it('says when the memory was lost, and recovers an unreadable state from the copy its last save kept', async () => {
    const { content, site, deps } = await setup(3);
    await rebuild(deps);
    await content.upload('event/e2/index.md', page(2, 'location: Room 2\n'));
    await rebuild(deps); // SEQUENCE of e2 is now 1; the state it replaced is kept as a copy
    const sequence = () =>
      readCalendar(site.objects.get('calendar.ics')?.body ?? '').events.find((e) => e.uid.startsWith('event/e2@'))
        ?.sequence;
    expect(sequence()).toBe(1);
    await content.upload('event/e3/index.md', page(3, 'location: Room 3\n'));
    await rebuild(deps); // a state with e2 at 1 is the copy now
    await content.upload('_calpub/state.jsonl.gz', '{not gzip');
    const recovered = await rebuild(deps);
    expect(recovered.memory).toMatch(/^memory unreadable: recovered from the copy of the state before it/);
    expect(JSON.parse(content.objects.get('_calpub/report.json')?.body ?? '{}').problems).toEqual([
      expect.objectContaining({
        file: '_calpub/state.jsonl.gz',
        severity: 'warning',
        message: expect.stringMatching(/^memory unreadable: recovered/),
      }),
    ]);
    expect(sequence()).toBe(1); // not restarted
    // No state at all while the site holds files: said too.
    await content.delete(['_calpub/state.jsonl.gz', '_calpub/state.previous.jsonl.gz']);
    const lost = await rebuild(deps);
    expect(lost.memory).toMatch(/^memory missing although the site holds \d+ file\(s\): SEQUENCE restarts/);
  });

  it('publishes a revert made while a rebuild read the edit (the outcome is kept under the ETag of the bytes read)', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    const key = 'event/e5/index.md';
    const original = page(5);
    const edited = page(5, 'location: Room 2\n');
    // The organiser changes the body; the next rebuild lists that version, and an edit lands before it reads the page.
    await content.upload(key, original.replace('Body', 'The body'));
    const list = content.list.bind(content);
    content.list = async (prefix) => {
      const listed = await list(prefix);
      content.list = list;
      await content.upload(key, edited);
      return listed;
    };
    await rebuild(deps);
    expect(readCalendar(site.objects.get('event/e5.ics')?.body ?? '').events[0].location).toBe('Room 2');
    // The organiser reverts to the text the listing had seen: that text must be read and published.
    await content.upload(key, original.replace('Body', 'The body'));
    await rebuild(deps);
    expect(readCalendar(site.objects.get('event/e5.ics')?.body ?? '').events[0].location).toBeNull();
  });

  it('keeps a page that breaks published across a config edit, rendered with the new config', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    await content.upload('event/e3/index.md', "---\ntitle: Event 3\ndate: '2027-02-30'\n---\n");
    await rebuild(deps);
    await content.upload(
      'calpub.yaml',
      CONFIG.replace('uidDomain: example.org', 'uidDomain: other.example.org').replace(
        'https://events.example.org/',
        'https://new.example.org/',
      ),
    );
    await rebuild(deps);
    const calendar = site.objects.get('calendar.ics')?.body ?? '';
    const e3 = readCalendar(calendar).events.find((e) => e.summary === 'Event 3');
    expect([e3?.uid, e3?.url]).toEqual(['event/e3@other.example.org', 'https://new.example.org/event/e3/']);
    expect(calendar).not.toContain('events.example.org');
    expect(JSON.parse(content.objects.get('_calpub/report.json')?.body ?? '{}').problems).toEqual([
      expect.objectContaining({ file: 'event/e3/index.md', severity: 'error', field: 'date' }),
      expect.objectContaining({
        file: 'event/e3/index.md',
        severity: 'warning',
        message: expect.stringMatching(/version published before stays/),
      }),
    ]);
  });

  it('gives the same bytes when the outcome store is lost or corrupt (it only saves reading and processing pages)', async () => {
    const { content, site, deps } = await setup();
    await rebuild(deps);
    const before = site.snapshot();
    const state = parseRemoteState(content.objects.get('_calpub/state.jsonl.gz')?.bytes ?? null);
    const damaged = [
      [],
      [Buffer.from('{"format":1,"key":"other"}\n')],
      [Buffer.from('{"format":1,"key":'), Buffer.from('garbage\n\tmore')],
    ];
    for (const lines of damaged) {
      await content.put('_calpub/state.jsonl.gz', serializeRemoteState(state.head, lines), {
        contentType: 'application/gzip',
      });
      const summary = await rebuild(deps);
      expect(summary.objectsRead).toBe(22); // the state, the config, every page
      expect(summary.written).toEqual([]);
      expect(site.snapshot()).toEqual(before);
    }
  });
});
