/**
 * The plain-text description of an event, as calendars show it: status, the abstract (or summary),
 * the agenda, the body, the series, the links and the event page. Markdown and shortcodes are
 * rendered to text.
 */
import type { AgendaClock } from '../read/agenda';
import type { Session } from '../model';
import type { CalEvent } from '../model';
import type { Labels } from '../i18n/labels';

/**
 * Plain text for DESCRIPTION; empty when the page has nothing to say.
 * @param texts - the abstract (or summary) and the body, already rendered to text
 */
export function describeEvent(
  event: CalEvent,
  texts: { lead: string; body: string },
  sessions: readonly Session[],
  clock: AgendaClock,
  labels: Labels,
): string {
  const say = labels.text;
  const blocks: string[] = [];
  if (event.status === 'CANCELLED') blocks.push(say.cancelled);
  if (texts.lead) blocks.push(texts.lead);
  if (sessions.length) blocks.push([say.agenda, ...sessions.map((s) => agendaLine(s, clock))].join('\n'));
  if (texts.body) blocks.push(texts.body);
  const facts: string[] = [];
  if (event.series) facts.push(say.partOf(`${event.series}${event.seriesUrl ? ` (${event.seriesUrl})` : ''}`));
  else if (event.seriesUrl) facts.push(say.eventSite(event.seriesUrl));
  for (const link of event.links) facts.push(`${link.name}: ${link.url}`);
  facts.push(say.details(event.url));
  blocks.push(facts.join('\n'));
  return blocks.join('\n\n'); // every block pushed has text: the facts hold the page's link at least
}

/** `14:00–15:00 Title` on the event's own clock. */
export function agendaLine(session: Session, clock: AgendaClock): string {
  const end = session.end > session.start ? `–${clock.format(session.end)}` : '';
  return `${clock.format(session.start)}${end} ${session.title}`;
}
