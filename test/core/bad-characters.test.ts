/** A bad character is a problem on its page, never the end of the build: lone surrogates, UTF-16 pages. */
import { build, output, yamlPage } from '../helpers';
import { decodePage } from '../../lambda/core/read/decode';
import { readCalendar } from '../ical';

describe('characters no output can encode', () => {
  it('turns a lone surrogate in a tag, a title or the site title into U+FFFD, and publishes everything', () => {
    const pages = [
      {
        path: 'event/a/index.md',
        text: '---\ntitle: "A \\udc00"\ndate: \'2027-01-10T10:00:00\'\ntags: ["x\\ud800", ok]\n---\n',
      },
      { path: 'event/b/index.md', text: '{"title": "B \\udc00", "date": "2027-01-11T10:00:00", "tags": ["\\udfff"]}' },
      yamlPage('event/c/index.md', "title: C\ndate: '2027-01-12T10:00:00'"),
    ];
    const result = build(pages, {
      config:
        'title: "Site \\udc00"\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n',
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.published).toEqual(['event/a', 'event/b', 'event/c']);
    // Every file encodes as UTF-8 and back unchanged: nothing half a pair is left.
    for (const file of result.outputs) {
      const text = [...file.chunks].join('');
      expect([file.path, Buffer.from(text, 'utf8').toString('utf8') === text]).toEqual([file.path, true]);
    }
    expect(readCalendar(output(result, 'calendar.ics')).events.map((e) => e.summary)).toEqual([
      'A \ufffd',
      'B \ufffd',
      'C',
    ]);
    expect(JSON.parse(output(result, 'schedule.json')).title).toBe('Site \ufffd');
  });
});

describe('pages saved as UTF-16', () => {
  it('reads a UTF-16 page with its byte-order mark (little- and big-endian) as the text it is', () => {
    const text = "---\ntitle: Fête d'été\ndate: '2027-06-21T18:00:00'\n---\nÀ bientôt.\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16(); // a copy: swap16 works in place
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      const file = decodePage('event/f/index.md', bytes);
      expect(file).toEqual({ path: 'event/f/index.md', text }); // the byte-order mark is not text
      const result = build([file]);
      expect([result.problems, readCalendar(output(result, 'calendar.ics')).events[0].summary]).toEqual([
        [],
        "Fête d'été",
      ]);
    }
  });
});
