/** The HTML pages: what each says of an event's status, and what they tell previews and search engines. */
import { readCalendar } from '../../../ical';
import { build, output, yamlPage } from '../../../helpers';

const SITE = 'title: T\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n';
const page = (slug: string, front = '') =>
  yamlPage(`event/${slug}/index.md`, `title: ${slug}\ndate: '2027-01-10T10:00:00'\n${front}`);
const statusOf = (html: string) => /<dt>Status<\/dt>[^\n]*/.exec(html)?.[0] ?? null;

describe('the status of an event, the same in every output', () => {
  it('says tentative and cancelled; a confirmed event has no status line', () => {
    const result = build([page('t', 'status: tentative'), page('c', 'status: cancelled'), page('ok')], {
      config: SITE,
    });
    expect([statusOf(output(result, 'event/t/index.html')), statusOf(output(result, 'event/c/index.html'))]).toEqual([
      '<dt>Status</dt><dd>Tentative</dd>',
      '<dt>Status</dt><dd class="cancelled">Cancelled: this event will not take place.</dd>',
    ]);
    expect(statusOf(output(result, 'event/ok/index.html'))).toBeNull();
    expect(readCalendar(output(result, 'calendar.ics')).events.map((e) => [e.summary, e.status])).toEqual([
      ['c', 'CANCELLED'],
      ['ok', 'CONFIRMED'],
      ['t', 'TENTATIVE'],
    ]);
    expect(JSON.parse(output(result, 'schedule.json')).events.map((e: { status: string }) => e.status)).toEqual([
      'cancelled',
      'confirmed',
      'tentative',
    ]);
  });
});

describe('what pages tell previews and search engines', () => {
  const description = (html: string) => /<meta name="description" content="([^"]*)">/.exec(html)?.[1];
  it("describes the home by the site's description, else its title", () => {
    const described = build([page('a')], { config: `${SITE}description: Talks in Lyon\n` });
    expect(description(output(described, 'index.html'))).toBe('Talks in Lyon');
    expect(output(described, 'index.html')).toContain('<p>Talks in Lyon</p></div></header>');
  });

  it('uses the title where a site says its description is empty, in the pages and the feeds', () => {
    const result = build([page('a')], { config: `${SITE}description: ''\n` });
    expect(description(output(result, 'index.html'))).toBe('T');
    expect(output(result, 'index.html')).toContain('>T</a></div></header>');
    expect(JSON.parse(output(result, 'feed.json')).description).toBe('T');
    expect(output(result, 'atom.xml')).toContain('<subtitle>T</subtitle>');
    expect(output(result, 'rss.xml')).toContain('<description>T</description>');
  });

  it('describes an event by its summary, else by when it happens', () => {
    const result = build([page('a', 'summary: A talk about data.'), page('b')], { config: SITE });
    expect(description(output(result, 'event/a/index.html'))).toBe(
      'Sunday, January 10, 2027 at 10:00 AM (Europe/Paris) · A talk about data.',
    );
    expect(description(output(result, 'event/b/index.html'))).toBe(
      'Sunday, January 10, 2027 at 10:00 AM (Europe/Paris)',
    );
  });
});
