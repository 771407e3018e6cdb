/**
 * The real-world corpus (../shared/corpus/realworld, not ours, never copied here): built with no
 * config, every candidate page must be published, left out on purpose, or rejected with a reason.
 */
import { describeWithShared } from './shared';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { listPages } from '../lambda/adapters/fs';
import { buildSite } from '../lambda/core/build';
import { readCalendar } from './ical';
import { NOW, textOf } from './helpers';

const CORPUS = path.join(__dirname, '..', '..', 'shared', 'corpus', 'realworld');
const run = describeWithShared('test/corpus.test.ts', 'corpus', 'realworld');

run('the real-world corpus', () => {
  it('accounts for every candidate page and produces calendars that ical.js reads', async () => {
    const pages = listPages(CORPUS).map((rel) => ({ path: rel, text: readFileSync(path.join(CORPUS, rel), 'utf8') }));
    const result = buildSite({ pages, configText: null, memory: null, now: NOW });
    const errors = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.file));
    const skipped = new Set(result.skipped.map((s) => s.file));
    const publishedFiles = new Set(result.published.map((id) => id)); // identities
    expect(result.published.length + skipped.size + errors.size).toBe(result.pages);
    for (const p of result.problems) {
      expect(p.message.length).toBeGreaterThan(20);
      expect(p.file).not.toMatch(/^\//);
    }
    // The pages ../shared/corpus/realworld/FIELDS.md says cannot be right are rejected, each naming its field...
    const byField = (severity: string) =>
      result.problems.filter((p) => p.severity === severity).map((p) => [path.basename(path.dirname(p.file)), p.field]);
    expect(byField('error')).toEqual(
      expect.arrayContaining([
        ['EDISS', 'date'],
        ['national_science_day', 'date'],
        ['symposium2021', 'date'],
      ]),
    );
    // ...but a typo in an end does not lose an event whose start is clear: published without the end.
    expect(byField('warning')).toEqual(
      expect.arrayContaining([
        ['webscraping_2020', 'time_end'],
        ['inno-java-meetup', 'date_end'],
        ['VSS2022', 'date_end'],
        ['teap2021', 'date_end'],
      ]),
    );
    expect(publishedFiles.size).toBe(result.published.length);
    // One calendar per language (the corpus has a French variant: fr/calendar.ics).
    const calendars = [...result.outputs].filter((o) => /^([a-z]{2}\/)?calendar\.ics$/.test(o.path));
    expect(calendars.map((o) => o.path).sort()).toEqual(['calendar.ics', 'fr/calendar.ics']);
    expect(calendars.flatMap((o) => readCalendar(textOf(o)).events)).toHaveLength(result.published.length);
    for (const o of [...result.outputs].filter((f) => f.path.endsWith('.ics')))
      expect(() => readCalendar(textOf(o))).not.toThrow();
  });
});
