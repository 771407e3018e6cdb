/** Reads .ics text back with ical.js (Mozilla's parser, as in Thunderbird), as a client would. */
import ICAL from 'ical.js';

/** One VEVENT as a client sees it. */
export interface ReadEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  status: string | null;
  sequence: number;
  categories: string[];
  allDay: boolean;
  /** ISO instant for timed events, `YYYY-MM-DD` for all-day ones. */
  start: string;
  end: string | null;
  startZone: string | null;
  dtstamp: string;
}

/** Parses a calendar (throws on invalid iCalendar) and returns its events and calendar properties. */
export function readCalendar(text: string): { props: Record<string, string>; events: ReadEvent[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const props: Record<string, string> = {};
  for (const p of root.getAllProperties()) props[p.name.toUpperCase()] = String(p.getFirstValue());
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const e = new ICAL.Event(vevent);
    const allDay = e.startDate.isDate;
    const when = (t: ICAL.Time | null) => (t ? (allDay ? t.toString() : t.toJSDate().toISOString()) : null);
    const text = (name: string) => (vevent.getFirstPropertyValue(name) as string | null) ?? null;
    return {
      uid: e.uid,
      summary: e.summary,
      description: text('description'),
      location: text('location'),
      url: text('url'),
      status: text('status'),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
      allDay,
      start: when(e.startDate) as string,
      end: vevent.hasProperty('dtend') ? when(e.endDate) : null,
      startZone: (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | null) ?? null,
      dtstamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    };
  });
  return { props, events };
}
