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
