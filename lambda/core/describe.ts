/**
 * The plain-text description of an event, as calendars show it: status, the abstract (or summary),
 * the body, the series, the links and the event page. Markdown and shortcodes are rendered to text.
 */
import type { CalEvent, SiteConfig } from './model';
import { markdownToText } from './markdown';

/** Plain text for DESCRIPTION; empty when the page has nothing to say. */
export function describeEvent(event: CalEvent, _config: SiteConfig): string {
  const blocks: string[] = [];
  if (event.status === 'CANCELLED') blocks.push('CANCELLED: this event will not take place.');
  const lead = event.abstract ?? event.summary;
  if (lead) blocks.push(markdownToText(lead));
  const body = markdownToText(event.body);
  if (body) blocks.push(body);
  const facts: string[] = [];
  if (event.series) facts.push(`Part of: ${event.series}${event.seriesUrl ? ` (${event.seriesUrl})` : ''}`);
  else if (event.seriesUrl) facts.push(`Event site: ${event.seriesUrl}`);
  for (const link of event.links) facts.push(`${link.name}: ${link.url}`);
  facts.push(`Details: ${event.url}`);
  blocks.push(facts.join('\n'));
  return blocks.filter(Boolean).join('\n\n');
}
