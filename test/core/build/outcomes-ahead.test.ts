/**
 * Outcomes made ahead (by an adapter's cache, or elsewhere) are used as they are only when they were
 * made in the site's zone; otherwise the page is read again, or the build says why it cannot be.
 */
import { buildSite } from '../../../lambda/core/build';
import { processPage } from '../../../lambda/core/page';
import { NOW, output, TEST_CONFIG, TEST_CONFIG_YAML, yamlPage } from '../../helpers';
import { readCalendar } from '../../ical';

const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00'");
const madeIn = (timeZone: string) => processPage(page, { ...TEST_CONFIG, timeZone });

function calendarStart(result: ReturnType<typeof buildSite>): string {
  return String(readCalendar(output(result, 'calendar.ics')).events[0].start);
}

describe('outcomes made ahead', () => {
  it('uses an outcome made in the site zone as it is', () => {
    const outcome = madeIn('Europe/Paris');
    const result = buildSite({
      pages: [{ path: page.path, outcome }],
      configText: TEST_CONFIG_YAML,
      memory: null,
      now: NOW,
    });
    expect(result.published).toEqual(['event/a']);
    expect(calendarStart(result)).toBe('2027-01-10T09:00:00.000Z');
  });

  it('reads the page again, in the site zone, when its outcome was made in another', () => {
    const outcome = madeIn('America/New_York');
    const result = buildSite({
      pages: [{ path: page.path, text: page.text, outcome }],
      configText: TEST_CONFIG_YAML,
      memory: null,
      now: NOW,
    });
    expect(calendarStart(result)).toBe('2027-01-10T09:00:00.000Z');
  });

  it("reads it again in its language folder's language", () => {
    const fr = { path: 'fr/event/a/index.md', text: page.text, language: 'fr' };
    const outcome = processPage(fr, { ...TEST_CONFIG, timeZone: 'America/New_York' });
    const result = buildSite({ pages: [{ ...fr, outcome }], configText: TEST_CONFIG_YAML, memory: null, now: NOW });
    expect(result.published).toEqual(['fr/event/a']);
    expect(String(readCalendar(output(result, 'fr/calendar.ics')).events[0].start)).toBe('2027-01-10T09:00:00.000Z');
  });

  it('says which page and which zones when such an outcome comes without its text', () => {
    const outcome = madeIn('America/New_York');
    expect(() =>
      buildSite({ pages: [{ path: page.path, outcome }], configText: TEST_CONFIG_YAML, memory: null, now: NOW }),
    ).toThrow(
      "the outcome of event/a/index.md was made in the zone America/New_York, not the site's Europe/Paris, and its text was not read",
    );
  });
});
