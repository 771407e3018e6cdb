/**
 * Acceptance: the seed page this product started from (../shared/seeds), placed as
 * event/10-pourcent-final-season1/index.md with timeZone Europe/Paris and wallClockZ.
 */
import { readFileSync } from 'node:fs';
import { readCalendar } from './ical';
import { build, output } from './helpers';
import { describeWithShared } from './shared';
import { SEED, SEED_CONFIG, SEED_PAGE } from './seed-site';

const run = describeWithShared('test/seed.test.ts', 'seeds');

run('the seed page', () => {
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build([{ path: SEED_PAGE, text: readFileSync(SEED, 'utf8') }], { config: SEED_CONFIG });
  });

  it('gives one event on 2022-12-05 from 14:00 to 18:00 Europe/Paris', () => {
    expect(result.problems).toEqual([]);
    const ics = output(result, 'calendar.ics');
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20221205T140000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Paris:20221205T180000\r\n');
    const [event, ...rest] = readCalendar(ics).events;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      uid: 'event/10-pourcent-final-season1@ssphub.example.org',
      summary: 'Evénement de clôture de la saison 1 du programme 10%',
      location: 'Lieu de la transformation publique',
      categories: ['10%', 'Etalab', 'MadeByUS'],
      start: '2022-12-05T13:00:00.000Z',
      end: '2022-12-05T17:00:00.000Z',
      startZone: 'Europe/Paris',
    });
  });

  it('carries its event_url and a plain-text DESCRIPTION with no shortcode left', () => {
    const [event] = readCalendar(output(result, 'event/10-pourcent-final-season1.ics')).events;
    expect(event.description).toContain(
      'https://www.eventbrite.fr/e/billets-evenement-de-cloture-de-la-saison-1-du-programme-10-460655772817',
    );
    expect(event.description).toContain('Pour toute information : lab-ia@data.gouv.fr');
    expect(event.description).toContain('16h00: Pot final');
    expect(event.description).not.toMatch(/\{\{[%<]|[%>]\}\}/);
    expect(event.description).not.toMatch(/\*\*|__/);
  });
});

run('the seed page: agenda', () => {
  it('has exactly three sessions in schedule.json, and the same agenda in its .ics DESCRIPTION', () => {
    const result = build([{ path: SEED_PAGE, text: readFileSync(SEED, 'utf8') }], { config: SEED_CONFIG });
    const [event] = JSON.parse(output(result, 'schedule.json')).events;
    expect(event.sessions).toEqual([
      {
        start: '2022-12-05T14:00:00+01:00',
        end: '2022-12-05T15:00:00+01:00',
        title: "Pitchs des projets d'intérêt commun",
      },
      {
        start: '2022-12-05T15:00:00+01:00',
        end: '2022-12-05T16:00:00+01:00',
        title: "Table ronde : Comment attirer et fidéliser les talents de la data au sein de l'Etat ?",
      },
      { start: '2022-12-05T16:00:00+01:00', end: '2022-12-05T18:00:00+01:00', title: 'Pot final' },
    ]);
    const [vevent] = readCalendar(output(result, 'event/10-pourcent-final-season1.ics')).events;
    expect(vevent.description).toContain(
      "Programme :\n14:00–15:00 Pitchs des projets d'intérêt commun\n15:00–16:00 Table ronde : Comment attirer et fidéliser les talents de la data au sein de l'Etat ?\n16:00–18:00 Pot final",
    );
  });
});
