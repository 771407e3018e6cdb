import { HtmlValidate } from 'html-validate';
import { escapeHtml, html, safeUrl, trusted } from '../../../../lambda/core/formats/html/html';
import { buildFixture } from '../../../fixture-site';
import { output, yamlPage, textOf } from '../../../helpers';
import type { OutputFile } from '../../../../lambda/core/model';

describe('html template', () => {
  it('escapes every interpolated value unless it is SafeHtml', () => {
    const evil = `"><script>alert(1)</script>`;
    expect(html`<a title="${evil}">${evil}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>',
    );
    expect(html`<p>${trusted('<b>ok</b>')}${[html`<i>${'<x>'}</i>`, '&']}</p>`.value).toBe(
      '<p><b>ok</b><i>&lt;x&gt;</i>&amp;</p>',
    );
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
  it('lets only harmless URL schemes into links', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl(' JAVASCRIPT:x')).toBe('#');
    expect(safeUrl('data:text/html,x')).toBe('#');
    expect(safeUrl('https://ok.example')).toBe('https://ok.example');
    expect(safeUrl('webcal://ok.example/c.ics')).toBe('webcal://ok.example/c.ics');
  });
});

/** Recommended rules; titles are the organisers' own words, so their length is not ours to cap. */
const VALIDATOR_CONFIG = { extends: ['html-validate:recommended'], rules: { 'long-title': 'off' as const } };

// Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
// that reads it against a mutant in the build (bench/mutation.md).
let result: ReturnType<typeof buildFixture>;
let pages: OutputFile[];
beforeEach(() => {
  result = buildFixture();
  pages = [...result.outputs].filter((o) => o.path.endsWith('.html'));
});

describe('HTML pages of the fixture site', () => {
  it('writes the index, a page per event, a page per tag, the 404 page and the widget pages', () => {
    expect(pages.map((p) => p.path).sort()).toEqual(
      [
        '404.html',
        'embed/index.html',
        'embed/tags/10/index.html',
        'embed/tags/data-science/index.html',
        'embed/tags/etalab/index.html',
        'embed/tags/workshop/index.html',
        'event/called-off/index.html',
        'event/kolkata-offset/index.html',
        'event/paris-evening/index.html',
        'event/three-days/index.html',
        'index.html',
        'tags/10/index.html',
        'tags/data-science/index.html',
        'tags/etalab/index.html',
        'tags/workshop/index.html',
        'talk/legacy/index.html',
      ].sort(),
    );
  });

  it('are valid HTML for html-validate (recommended rules)', async () => {
    const validator = new HtmlValidate(VALIDATOR_CONFIG);
    for (const page of pages) {
      const report = await validator.validateString(textOf(page), page.path);
      expect([
        page.path,
        report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
      ]).toEqual([page.path, []]);
    }
  });

  it('link every feed in the head, and subscribe with webcal, Google, Outlook and a copyable URL', () => {
    const index = output(result, 'index.html');
    expect(index).toContain('<html lang="fr">');
    expect(index).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Fixture events (RSS)" href="https://events.example.org/rss.xml">',
    );
    expect(index).toContain('type="application/atom+xml"');
    expect(index).toContain('type="application/feed+json"');
    expect(index).toContain('href="webcal://events.example.org/calendar.ics"');
    expect(index).toContain(
      `href="https://calendar.google.com/calendar/render?cid=${encodeURIComponent('webcal://events.example.org/calendar.ics')}"`,
    );
    expect(index).toContain(
      `href="https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent('https://events.example.org/calendar.ics')}&amp;name=Fixture%20events"`,
    );
    expect(index).toContain('value="https://events.example.org/calendar.ics"');
    expect(index).not.toMatch(
      /<script>|style="|https?:\/\/(?!events\.example\.org|calendar\.google|outlook\.live)[a-z]/,
    );
  });

  it('shows an event with its agenda, details, and add-to-calendar links', () => {
    const page = output(result, 'event/paris-evening/index.html');
    expect(page).toContain('<li>14:00–15:00 Pitchs des projets</li>');
    expect(page).toContain('<aside class="callout">');
    expect(page).toContain('href="https://events.example.org/event/paris-evening.ics">Télécharger le .ics</a>'); // the fixture site is French
    expect(page).toContain('data-zone="Europe/Paris"');
    expect(page).toMatch(
      /href="https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&amp;text=Soir%C3%A9e[^"]*&amp;ctz=Europe%2FParis"/,
    );
  });
});

describe('upcoming and past', () => {
  it('lists upcoming events soonest first, then past ones latest first', () => {
    const r = buildFixture(Date.parse('2023-06-01T00:00:00Z'), [
      yamlPage('event/next/index.md', "title: Next\ndate: '2027-01-01'"),
    ]);
    const index = output(r, 'index.html');
    const upcoming = index.slice(index.indexOf('id="upcoming"'), index.indexOf('id="past"'));
    const past = index.slice(index.indexOf('id="past"'));
    expect([...upcoming.matchAll(/class="what" href="[^"]+">([^<]+)</g)].map((m) => m[1])).toEqual([
      'Conference days',
      'Research software workshop',
      'Next',
    ]);
    expect([...past.matchAll(/class="what" href="[^"]+">([^<]+)</g)].map((m) => m[1])).toEqual([
      'Called-off webinar',
      'Soirée data : outils, méthodes; retours d&#39;expérience, et questions',
      'Legacy talk',
    ]);
  });
});

describe('hostile content in pages', () => {
  const hostile = yamlPage(
    'event/evil/index.md',
    `title: '<script>alert(1)</script>" onmouseover="x'\ndate: '2027-01-01'\nlocation: '<img src=x onerror=alert(2)>'\nevent: '</title><script>x</script>'\nevent_url: 'javascript:alert(3)'\nurl_slides: 'javascript:alert(4)'\ntags: ['"><b>t</b>']`,
    '<script>alert(5)</script>\n\n[click](javascript:alert(6))\n\n<iframe src="https://evil.example"></iframe>',
  );
  const r = buildFixture(undefined, [hostile]);
  it.each(['index.html', 'event/evil/index.html', 'tags/b-t-b/index.html'])('%s shows it as text', async (path) => {
    const all = [...r.outputs];
    const page =
      all.find((o) => o.path === path) ??
      all.find((o) => o.path.startsWith('tags/') && o.path.endsWith('index.html') && textOf(o).includes('&lt;b&gt;t'));
    expect(page).toBeDefined();
    const body = page ? textOf(page) : '';
    expect(body).not.toMatch(/<script>|<img src=x|<iframe|\son\w+="[^"]*"(?![^<]*&gt;)|href="javascript:/i);
    const report = await new HtmlValidate(VALIDATOR_CONFIG).validateString(body);
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
