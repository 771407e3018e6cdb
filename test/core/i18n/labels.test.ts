import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { labelsFor } from '../../../lambda/core/i18n/labels';
import { en } from '../../../lambda/core/i18n/en';
import { build, output, yamlPage } from '../../helpers';
import { readCalendar } from '../../ical';

const pages = [
  yamlPage(
    'event/next/index.md',
    "title: Next\ndate: '2027-01-10T18:00:00'\nevent: Series\ntags: [t]",
    '## 18:00 Welcome\n\n## 19:00 Talk',
  ),
  yamlPage('event/off/index.md', "title: Off\ndate: '2027-01-11T18:00:00'\nstatus: cancelled"),
];
const siteIn = (language: string) =>
  build(pages, {
    config: `uidDomain: example.org\nsiteUrl: https://events.example.org/\ntimeZone: Europe/Paris\nlanguage: ${language}\n`,
  });

/** Every language with a catalog file in lambda/core/i18n (all but the gathering and the shape). */
const LABEL_LANGUAGES = readdirSync(path.join(__dirname, '../../../lambda/core/i18n'))
  .filter((f) => !['labels.ts', 'catalog.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));

describe('labels', () => {
  it('reads the primary language of a tag in any case, with - or _, English otherwise', () => {
    const fr = labelsFor('fr');
    expect([labelsFor('FR-ca'), labelsFor('fr_BE'), labelsFor('Fr')]).toEqual([fr, fr, fr]);
    expect([labelsFor(null), labelsFor(undefined), labelsFor('xx'), labelsFor('')]).toEqual([en, en, en, en]);
  });

  it('has en, fr, de, es, pt, it and ja, each one gathered by labelsFor', () => {
    expect(LABEL_LANGUAGES.sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'pt']);
    for (const language of LABEL_LANGUAGES.filter((l) => l !== 'en')) expect(labelsFor(language)).not.toBe(en);
  });

  it('falls back to English, and reads a region or script subtag as its language', () => {
    expect(labelsFor('sv')).toBe(en);
    expect(labelsFor(null)).toBe(en);
    expect(labelsFor('fr-CA').upcoming).toBe('Événements à venir');
    expect(labelsFor('pt_BR').upcoming).toBe('Próximos eventos');
  });

  it.each(LABEL_LANGUAGES.filter((l) => l !== 'en'))('%s translates every label (none left in English)', (language) => {
    const labels = labelsFor(language);
    const texts = (l: typeof en) => [
      ...Object.entries(l)
        .filter(([, v]) => typeof v === 'string')
        .map(([k, v]) => [k, v]),
      ...Object.entries(l.text).map(([k, v]) => [`text.${k}`, typeof v === 'function' ? v('X') : v]),
      ['subscribeTo', l.subscribeTo('X')],
      ['tagHeading', l.tagHeading('X')],
    ];
    const english = new Map(texts(en) as Array<[string, string]>);
    // Words that are the same in some languages by nature.
    const same = new Set(['details', 'links', 'status', 'tags', 'tagHeading', 'text.details']);
    for (const [key, value] of texts(labels) as Array<[string, string]>) {
      if (!same.has(key)) expect([key, value]).not.toEqual([key, english.get(key)]);
    }
  });

  it.each(LABEL_LANGUAGES)('a %s site speaks its language in pages, calendars and feeds', (language) => {
    const t = labelsFor(language);
    const result = siteIn(language);
    const index = output(result, 'index.html');
    expect(index).toContain(`<html lang="${language}">`);
    expect(index).toContain(t.upcoming.replace(/'/g, '&#39;'));
    expect(output(result, 'event/next/index.html')).toContain(
      `<h2 id="add-title">${t.addToCalendar.replace(/'/g, '&#39;')}</h2>`,
    );
    const next = readCalendar(output(result, 'calendar.ics')).events.find((e) => e.summary === 'Next');
    expect(next?.description).toContain(`${t.text.agenda}\n18:00–19:00 Welcome`);
    expect(next?.description).toContain(t.text.partOf('Series'));
    expect(next?.description).toContain(t.text.details('https://events.example.org/event/next/'));
    const off = readCalendar(output(result, 'calendar.ics')).events.find((e) => e.summary === 'Off');
    expect(off?.description?.startsWith(t.text.cancelled)).toBe(true);
    const feed = JSON.parse(output(result, 'feed.json')) as { items: Array<{ title: string }> };
    expect(feed.items.map((i) => i.title)).toContain(t.cancelledTitle('Off'));
  });
});
