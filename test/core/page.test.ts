/**
 * One page's outcome: what it publishes, what it costs (HTML only when an output shows it), and its
 * fingerprint (what SEQUENCE follows): exactly the published fields, nothing else.
 */
import type { OutputGroup } from '../../lambda/core/model';
import { HUGE_TEXT_BYTES, processPage } from '../../lambda/core/page';
import { TEST_CONFIG, yamlPage } from '../helpers';

const FRONT = "title: Talk\ndate: '2027-01-10T10:00:00'";
const outcomeOf = (front = FRONT, body = 'Some **body**.', config = TEST_CONFIG) =>
  processPage(yamlPage('event/a/index.md', front, body), config);
const fingerprint = (front = FRONT, body = 'Some **body**.') => outcomeOf(front, body).pieces?.fingerprint;
/** The fingerprint of `FRONT` with its body, as calpub has made it since issue 24. */
const BASE_FINGERPRINT = 'Oqvj0bcNuwTWl_QiIPgpxg';

describe('processPage: HTML only when an output shows it', () => {
  it.each<[OutputGroup[], boolean]>([
    [['calendars'], false],
    [['calendars', 'feeds'], true],
    [['calendars', 'widget'], true],
    [['calendars', 'feeds', 'schedule', 'pages'], true],
  ])('with the outputs %j, renders the HTML and the date in words: %s', (outputs, shown) => {
    const outcome = outcomeOf(`${FRONT}\nsummary: A *lead*`, 'Some **body**.', { ...TEST_CONFIG, outputs });
    expect(outcome.pieces?.bodyHtml).toBe(shown ? '<p>Some <strong>body</strong>.</p>' : '');
    expect(outcome.pieces?.leadHtml).toBe(shown ? '<p>A <em>lead</em></p>' : '');
    expect(outcome.event?.when).toBe(shown ? 'Sunday, January 10, 2027 at 10:00 AM (Europe/Paris)' : '');
    // The calendar has the text either way.
    expect(outcome.pieces?.ics.content).toContain('Some body.');
  });
});

describe('processPage: the summary shown', () => {
  it('is the summary when the page has an abstract too, else the lead (abstract or summary)', () => {
    expect(outcomeOf(`${FRONT}\nsummary: Short *one*\nabstract: The long abstract`).event?.summaryText).toBe(
      'Short one',
    );
    expect(outcomeOf(`${FRONT}\nabstract: The *long* abstract`).event?.summaryText).toBe('The long abstract');
    expect(outcomeOf(`${FRONT}\nsummary: Short *one*`).event?.summaryText).toBe('Short one');
    expect(outcomeOf(FRONT).event?.summaryText).toBeNull();
  });
});

describe('processPage: the fingerprint follows the published fields', () => {
  it('changes with the summary, the abstract, the body, authors, links, series and the image', () => {
    const base = fingerprint();
    expect(fingerprint(`${FRONT}\nabstract: A\nsummary: S`)).not.toBe(fingerprint(`${FRONT}\nabstract: A`));
    for (const [front, body] of [
      [`${FRONT}\nsummary: S`, undefined],
      [`${FRONT}\nabstract: A`, undefined],
      [FRONT, 'Another body.'],
      [`${FRONT}\nauthors: [Ada]`, undefined],
      [`${FRONT}\nlinks: [{name: Slides, url: 'https://example.org/s'}]`, undefined],
      [`${FRONT}\nevent: Data Days`, undefined],
      [`${FRONT}\nimage: {filename: 'https://example.org/cover.png'}`, undefined],
    ] as const)
      expect([front, fingerprint(front, body)]).not.toEqual([front, base]);
  });

  it('keeps it for what no output shows (unknown keys, an image that is not a URL)', () => {
    expect(fingerprint(`${FRONT}\nweight: 10\nfoo: bar`)).toBe(fingerprint());
    expect(fingerprint(`${FRONT}\nimage: {filename: cover.png}`)).toBe(fingerprint());
  });
});

describe('processPage: pages too large and nested too deep', () => {
  const big = (bytes: number) => 'x'.repeat(bytes);

  it('shortens a page above the limit in the aggregates only, with a warning naming its size', () => {
    const at = outcomeOf(FRONT, big(HUGE_TEXT_BYTES));
    expect(at.pieces?.aggregate).toBeUndefined();
    expect(at.problems).toEqual([]);
    const over = outcomeOf(FRONT, big(HUGE_TEXT_BYTES + 1));
    expect(over.pieces?.aggregate).toBeDefined();
    expect(over.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^the page's text is 256 KB, more than 256 KB: its own page and \.ics carry it whole/),
    ]);
  });

  it('counts the summary with the abstract when a page has both', () => {
    const half = big(HUGE_TEXT_BYTES / 2);
    expect(outcomeOf(`${FRONT}\nsummary: ${half}\nabstract: ${half}`, 'b').pieces?.aggregate).toBeDefined();
    expect(outcomeOf(`${FRONT}\nsummary: ${half}`, half).pieces?.aggregate).toBeUndefined();
  });
});

/** iCalendar content lines unfolded. */
const unfolded = (content: string | undefined) => (content ?? '').replace(/\r\n[ \t]/g, '');

describe('processPage: edges found by mutation testing', () => {
  it('keeps the fingerprint of a page as it was (a change raises every SEQUENCE once)', () => {
    expect(fingerprint()).toBe(BASE_FINGERPRINT);
  });

  it('reports what it could not foresee as a problem on the page, for a page read or not', () => {
    const throwing = {
      path: 'event/x/index.md',
      get text(): string {
        throw new Error('boom');
      },
    };
    const read = {
      file: { path: 'event/y/index.md', text: '' },
      parsed: {
        ok: true as const,
        warnings: [],
        page: {
          path: 'event/y/index.md',
          get data(): Record<string, unknown> {
            throw new Error('bang');
          },
          body: '',
        },
      },
      venue: null,
    };
    for (const [page, file, reason] of [
      [throwing, 'event/x/index.md', 'boom'],
      [read, 'event/y/index.md', 'bang'],
    ] as const)
      expect(processPage(page as never, TEST_CONFIG)).toEqual({
        file,
        problems: [
          {
            file,
            severity: 'error',
            field: null,
            message: `calpub could not read this page (${reason}); the other pages are published. Please report it with the page`,
          },
        ],
        event: null,
        pieces: null,
        venue: null,
        siteZone: 'Europe/Paris',
      });
  });

  it("reports front matter that does not parse with the parser's reason, not as unforeseen", () => {
    const outcome = processPage({ path: 'event/x/index.md', text: '---\ntitle: [oops\n---\n' }, TEST_CONFIG);
    expect(outcome).toMatchObject({ event: null, pieces: null });
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0].message).not.toMatch(/could not read this page/);
    expect(outcome.problems[0]).toMatchObject({ file: 'event/x/index.md', severity: 'error' });
  });

  it('warns about shortcodes nested deeper than it reads, and not at the limit', () => {
    const nested = (n: number) => `${'{{< note >}}'.repeat(n)}x${'{{< /note >}}'.repeat(n)}`;
    expect(outcomeOf(FRONT, nested(20)).problems).toEqual([]);
    expect(outcomeOf(FRONT, nested(21)).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^shortcodes are nested 21 deep: calpub reads 20 levels/),
    ]);
  });

  it("shortens a huge page's texts for the aggregates, with HTML only when shown", () => {
    const huge = `${FRONT}\nsummary: A short lead`;
    const body = `${'word '.repeat(60_000)}`;
    const aggregate = outcomeOf(huge, body).pieces?.aggregate;
    expect(aggregate?.leadHtml).toBe('<p>A short lead</p>');
    expect(aggregate?.bodyHtml).toMatch(
      /^<p>word word .*word…<\/p><p><a href="https:\/\/events\.example\.org\/event\/a\/">/,
    );
    expect(unfolded(aggregate?.ics.content)).toContain("(Shortened: the full description is on the event's page.)");
    const plain = outcomeOf(huge, body, { ...TEST_CONFIG, outputs: ['calendars'] }).pieces?.aggregate;
    expect([plain?.leadHtml, plain?.bodyHtml]).toEqual(['', '']);
    const noBody = outcomeOf(`${FRONT}\nsummary: ${'x'.repeat(HUGE_TEXT_BYTES + 1)}`, '').pieces?.aggregate;
    expect(unfolded(noBody?.ics.content)).toMatch(/DESCRIPTION:x+…\\n\\n\(Shortened: /);
  });

  it('marks a start written with Z and read as wall clock only on a site that reads Z so', () => {
    const z = `title: Talk\ndate: '2027-01-10T10:00:00Z'`;
    expect(outcomeOf(z, '', { ...TEST_CONFIG, wallClockZ: true }).zWallClock).toBe(true);
    expect(outcomeOf(z, '', TEST_CONFIG).zWallClock).toBeUndefined();
  });
});
