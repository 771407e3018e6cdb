/** The site's zone when none is set: from its pages' venues, its language's region, else UTC (a guess --strict refuses). */
import { eventZone, siteZoneOf } from '../../../lambda/core/read/site-zone';
import { DEFAULT_CONFIG } from '../../../lambda/core/read/config';

const venue = (zone: string, said: string) => ({ zone, said });

describe('siteZoneOf', () => {
  it('keeps a configured zone, silently, whatever the pages say', () => {
    const config = { ...DEFAULT_CONFIG, timeZone: 'America/Toronto', explicit: ['timeZone'] };
    expect(siteZoneOf(config, [venue('Europe/Paris', 'Paris')])).toEqual({ config, problems: [] });
  });

  it('takes the zone most pages place their venue in, and says so with the evidence', () => {
    const venues = [
      venue('Europe/Brussels', 'Belgique'),
      venue('Europe/Brussels', 'Belgique'),
      venue('Europe/Brussels', 'Liège, Belgique'),
      venue('America/Chicago', 'Austin, TX'),
      null,
    ];
    const { config, problems } = siteZoneOf(DEFAULT_CONFIG, venues);
    expect(config.timeZone).toBe('Europe/Brussels');
    expect(problems).toEqual([
      {
        file: 'calpub.yaml',
        severity: 'warning',
        field: 'timeZone',
        message:
          'no time zone is set: times are read in Europe/Brussels, where 3 page(s) place their venue ("Belgique" ×2, "Liège, Belgique"); 1 other page(s) place theirs elsewhere; set `timeZone: Europe/Brussels` in calpub.yaml (or Hugo\'s `timeZone`) to confirm',
      },
    ]);
  });

  it('breaks ties by name: zones with as many pages, and at most three of the words that said so', () => {
    const venues = ['Paris', 'Lyon', 'Lille', 'Brest'].map((said) => venue('Europe/Paris', said));
    const { config, problems } = siteZoneOf(DEFAULT_CONFIG, [venue('Europe/Brussels', 'Liège'), ...venues.slice(0, 1)]);
    expect(config.timeZone).toBe('Europe/Brussels'); // 1 page each: the first name in order
    expect(problems[0].message).toContain('where 1 page(s) place their venue ("Liège"); 1 other page(s)');
    const many = siteZoneOf(DEFAULT_CONFIG, venues).problems[0].message;
    expect(many).toContain('where 4 page(s) place their venue ("Brest", "Lille", "Lyon"); set');
  });

  it("falls back on the region of the site's language, then on UTC, which --strict refuses", () => {
    expect(siteZoneOf({ ...DEFAULT_CONFIG, language: 'fr-BE' }, [null]).config.timeZone).toBe('Europe/Brussels');
    expect(siteZoneOf({ ...DEFAULT_CONFIG, language: 'en-US' }, [null]).config.timeZone).toBe('UTC');
    const none = siteZoneOf({ ...DEFAULT_CONFIG, language: 'fr' }, []);
    expect(none.config.timeZone).toBe('UTC');
    expect(none.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'timeZone',
        strict: true,
        message: expect.stringMatching(/^no time zone is set and no page says where.*read as UTC.*Set `timeZone`/),
      }),
    ]);
  });
});

describe('eventZone', () => {
  it("reads an event in its venue's zone when it is not the site's, with a warning that says how to confirm", () => {
    expect(eventZone(venue('America/Chicago', 'Austin, TX'), 'Europe/Paris', 2027)).toEqual({
      zone: 'America/Chicago',
      warning:
        "the venue (Austin, TX) is in America/Chicago, not in the site's zone (Europe/Paris): its times are read in America/Chicago; add `timezone: America/Chicago` to the page to confirm",
    });
  });

  it("keeps the site's zone when the venue is in it, unknown, or on the same clocks all year", () => {
    expect(eventZone(venue('Europe/Paris', 'Paris'), 'Europe/Paris', 2027)).toBeNull();
    expect(eventZone(null, 'Europe/Paris', 2027)).toBeNull();
    expect(eventZone(venue('Europe/Brussels', 'Bruxelles'), 'Europe/Paris', 2027)).toBeNull();
    expect(eventZone(venue('Europe/Lisbon', 'Lisboa'), 'Europe/Paris', 2027)).not.toBeNull();
  });
});
