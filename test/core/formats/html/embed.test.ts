/** The embeddable widget's pages: what they list, their links, their size, their languages. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite } from '../../../../lambda/core/build';
import type { OutputFile } from '../../../../lambda/core/model';
import { listPages } from '../../../../lambda/adapters/fs';
import { embedPathPatterns, isEmbedPath, outputAt } from '../../../../lambda/core/outputs';
import { EMBED_MAX } from '../../../../lambda/core/formats/html/embed';
import { NOW, textOf } from '../../../helpers';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const CONTENT = path.join(ROOT, 'content');

function site(extra: Array<{ path: string; text: string }> = []) {
  const pages = [
    ...listPages(CONTENT).map((rel) => ({ path: rel, text: readFileSync(path.join(CONTENT, rel), 'utf8') })),
    ...extra,
  ];
  return [
    ...buildSite({ pages, configText: readFileSync(path.join(CONTENT, 'calpub.yaml'), 'utf8'), memory: null, now: NOW })
      .outputs,
  ];
}
const file = (outputs: OutputFile[], p: string) => textOf(outputs.find((o) => o.path === p) as OutputFile);
const titles = (page: string) => [...page.matchAll(/<a class="what" href="([^"]*)">([^<]*)<\/a>/g)].map((m) => m[2]);

describe('the widget pages', () => {
  // Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
  // that reads it against a mutant in the build (bench/mutation.md).
  let outputs: OutputFile[];
  beforeEach(() => {
    outputs = site();
  });

  it('list the upcoming events, soonest first, each with its page, its .ics and whether it is cancelled', () => {
    const page = file(outputs, 'embed/index.html');
    expect(titles(page)).toEqual([
      'Data meetup: open source tools for official statistics',
      'Webinar: privacy-preserving statistics',
      'Workshop on research software engineering',
      'Closing day of season 2 of the 10% programme',
      'Open Data Days 2027',
    ]);
    expect(page).toContain('<a class="what" href="http://127.0.0.1:8080/event/data-meetup-2027-01/">');
    expect(page).toContain(
      '<a class="ics" href="http://127.0.0.1:8080/event/data-meetup-2027-01.ics" aria-label="Download .ics: Data meetup: open source tools for official statistics">.ics</a>',
    );
    expect(page).toMatch(/Webinar: privacy-preserving statistics<\/a> <strong class="badge">Cancelled<\/strong>/);
    expect(page).toContain('<base target="_blank">');
    expect(page).toContain('<meta name="robots" content="noindex">');
  });

  it('exist per tag, with only that tag’s events', () => {
    expect(titles(file(outputs, 'embed/tags/meetup/index.html'))).toEqual([
      'Data meetup: open source tools for official statistics',
    ]);
  });

  it(`hold at most ${EMBED_MAX} events and weigh under 10 KB with their stylesheet and script, however many events`, () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      path: `event/generated-${i}/index.md`,
      text: `---\ntitle: "A long event title number ${i} about reproducible statistics pipelines in practice"\ndate: '2027-0${1 + (i % 9)}-1${i % 10}T18:00:00'\nlocation: "A venue with a long name, ${i} Example Street, Example City"\ntags: [meetup]\n---\n`,
    }));
    const big = site(many);
    for (const p of ['embed/index.html', 'embed/tags/meetup/index.html']) {
      const page = file(big, p);
      expect(titles(page)).toHaveLength(EMBED_MAX);
      const bytes =
        Buffer.byteLength(page) +
        Buffer.byteLength(file(big, 'assets/embed.css')) +
        Buffer.byteLength(file(big, 'assets/embed.js'));
      expect([p, bytes < 10 * 1024]).toEqual([p, true]);
    }
  });

  it('escape every value from content', () => {
    const hostile = site([
      {
        path: 'event/x/index.md',
        text: `---\ntitle: '<img src=x onerror=alert(1)>"'\ndate: '2027-01-01T10:00:00Z'\n---\n`,
      },
    ]);
    const page = file(hostile, 'embed/index.html');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;');
  });

  it('are in each language, under its folder', () => {
    const fr = site([
      {
        path: 'event/data-meetup-2027-01/index.fr.md',
        text: readFileSync(path.join(CONTENT, 'event', 'data-meetup-2027-01', 'index.md'), 'utf8'),
      },
    ]);
    const page = file(fr, 'fr/embed/index.html');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(page).toContain('Événements à venir');
  });

  it('are the only embeddable paths, at the root and in language folders', () => {
    expect(['embed/index.html', 'fr/embed/index.html', 'embed/tags/x/index.html'].map(isEmbedPath)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['index.html', 'event/x/index.html', 'tags/embed.ics', 'assets/embed.js'].map(isEmbedPath)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(embedPathPatterns()).toEqual(['embed/*', '*/embed/*']);
    expect(outputAt('embed/tags/x/index.html')).toBe('tagEmbed');
  });
});
