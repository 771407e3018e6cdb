/**
 * Only http(s) URLs leave calpub: from every field that gives a link (`url` on a Hugo site, `event_url`,
 * `links`, the `url_*` buttons, `image`), in every output; anything else is a warning on the page. And
 * schedule.json stays valid against its own schema whatever characters the URLs hold.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { build, output, yamlPage, textOf } from '../helpers';

const HUGO =
  'title: T\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\npermalinkBase: https://lab.example.org/\noutputs: [calendars, feeds, schedule, widget]\n';
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '\\\\evil.example\\x',
  'https://evil.example/"><script>alert(1)</script>',
];

describe('links that leave calpub', () => {
  it.each(HOSTILE.slice(0, 7))(
    'a page `url` of %j is ignored with a warning: the event links to its Hugo page',
    (url) => {
      const result = build(
        [yamlPage('event/x/index.md', `title: X\ndate: '2027-01-10T10:00:00'\nurl: ${JSON.stringify(url)}`)],
        { config: HUGO },
      );
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          field: 'url',
          message: expect.stringMatching(/is not a path on the site nor an http\(s\) URL.*it is ignored/),
        }),
      ]);
      for (const file of [...result.outputs]) {
        const text = textOf(file).toLowerCase();
        expect([file.path, /javascript:|vbscript:|data:text|evil\.example/.test(text)]).toEqual([file.path, false]);
      }
      expect(JSON.parse(output(result, 'schedule.json')).events[0].url).toBe('https://lab.example.org/event/x/');
    },
  );

  it('keeps a site path or an http(s) URL as the page `url`', () => {
    const link = (url: string) =>
      JSON.parse(
        output(
          build([yamlPage('event/x/index.md', `title: X\ndate: '2027-01-10T10:00:00'\nurl: '${url}'`)], {
            config: HUGO,
          }),
          'schedule.json',
        ),
      ).events[0].url;
    expect(link('/talks/2027/x/')).toBe('https://lab.example.org/talks/2027/x/');
    expect(link('https://other.example.org/x/')).toBe('https://other.example.org/x/');
  });

  it('publishes only http(s) links from event_url, links, url_* and image, and schedule.json stays valid', () => {
    const page = yamlPage(
      'event/x/index.md',
      [
        'title: X',
        "date: '2027-01-10T10:00:00'",
        `event_url: ${JSON.stringify('https://example.org/a b"<c>?q=<x>#"f')}`,
        `url_slides: ${JSON.stringify(HOSTILE[0])}`,
        `url_video: ${JSON.stringify('https://video.example.org/watch?v=<1>')}`,
        `links: [{name: A, url: ${JSON.stringify(HOSTILE[3])}}, {name: B, url: 'https://b.example.org/ x'}]`,
        `image: ${JSON.stringify(HOSTILE[4])}`,
      ].join('\n'),
    );
    const result = build([page]);
    expect(result.problems.map((p) => p.field).sort()).toEqual(['links', 'url_slides']);
    const schedule = JSON.parse(output(result, 'schedule.json'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(output(result, 'schedule.schema.json')));
    expect([validate(schedule), validate.errors]).toEqual([true, null]);
    const urls = [schedule.events[0].seriesUrl, ...schedule.events[0].links.map((l: { url: string }) => l.url)];
    for (const url of urls) expect([url, /^https?:\/\/[^\s"<>]+$/.test(url)]).toEqual([url, true]);
    for (const file of result.outputs)
      expect([file.path, /javascript:|vbscript:|data:text/i.test(textOf(file))]).toEqual([file.path, false]);
  });
});
