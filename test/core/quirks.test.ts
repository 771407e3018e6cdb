/**
 * The quirks fixture (test/fixtures/quirks: pages shaped like the real ones issue 14 lists), built
 * whole and read back by ical.js: each quirk is published as its author meant.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePage } from '../../lambda/core/read/decode';
import { buildSite, type BuildResult } from '../../lambda/core/build';
import { listPages } from '../../lambda/adapters/fs';
import { NOW, output } from '../helpers';
import { readCalendar } from '../ical';

const DIR = path.join(__dirname, '..', 'fixtures', 'quirks');
// Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
// that reads it against a mutant in the build (bench/mutation.md).
let result: BuildResult;
let events: ReturnType<typeof readCalendar>['events'];
beforeEach(() => {
  result = buildSite({
    pages: listPages(DIR).map((rel) => decodePage(rel, readFileSync(path.join(DIR, rel)))),
    configText: readFileSync(path.join(DIR, 'calpub.yaml'), 'utf8'),
    memory: null,
    now: NOW,
  });
  events = readCalendar(output(result, 'calendar.ics')).events;
});
const event = (summary: string) => {
  const found = events.find((e) => e.summary === summary);
  if (!found) throw new Error(`no event ${summary}; have ${events.map((e) => e.summary).join(', ')}`);
  return found;
};

describe('the quirks fixture', () => {
  it('hides the placeholder talk page and publishes every other page, with no error', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.skipped).toEqual([{ file: 'talk/placeholder/index.md', reason: 'scheduled' }]);
    expect(events).toHaveLength(10);
  });

  it('reads the page saved as Windows-1252 with its accents, quotes and euro sign', () => {
    expect(event("Fête de l'été – “plein air”").description).toMatch(/^Soirée en plein air, 5 €\./);
  });

  it('reads ends with typos as meant', () => {
    expect(event('Night of museums')).toMatchObject({
      start: '2026-05-16T19:00:00.000Z',
      end: '2026-05-16T23:00:00.000Z',
    });
    // Written with Z, read as the hour the site shows, in Paris (16:30Z is 16:30 Paris time).
    expect(event('Workshop with a wrong end year')).toMatchObject({ start: '2020-02-08T15:30:00.000Z', end: null });
    expect(event('Morning seminar')).toMatchObject({
      start: '2021-09-21T07:00:00.000Z',
      end: '2021-09-21T09:00:00.000Z',
    });
  });

  it('reads a programme written as a list, a quote and bold times', () => {
    expect(event('Data evening').description).toMatch(
      /^Agenda:\n18:00–19:00 Introduction\n19:00–19:30 Accueil des intervenants\n19:30–20:30 Table ronde\n20:30–21:00 Apéritif\n/,
    );
  });

  it('turns pasted HTML into clean text: no CSS, no comment, no script, names apart from bios, relref to the Hugo site', () => {
    expect(event('Talk with pasted HTML').description).toBe(
      'Talk by Jane Doe Jane studies pollinators., with Bob (https://lab.example.org/authors/bob/).\n\nIndented notes\non two lines.\n\nDetails: https://lab.example.org/event/junk/',
    );
  });

  it('keeps the postcode as written and says each place once', () => {
    expect(event('Campus day').location).toBe('Campus Nord, Ville, Bât. A, 01000, France');
  });

  it('keeps the last value of a key written twice', () => {
    expect(event('Links written twice').description).toContain('Slides: https://slides.example.org/talk');
  });
});
