/**
 * The HTML pages: the index (upcoming events first, then past ones), one page per event, one per tag.
 * Every value from content goes through the `html` template, which escapes it; the Markdown-rendered
 * parts are calpub's own sanitized HTML. No external asset: one stylesheet and one script of the site.
 */
import { agendaClock } from '../../read/agenda';
import { agendaLine } from '../describe';
import { html, safeUrl, trusted, type SafeHtml } from './html';
import type { SiteConfig } from '../../model';
import { cut } from '../../shared/cut';
import type { EventHeader, PublishedEvent, Site, TagGroup } from '../../published';
import { urlSafeSegment } from '../../read/identity';
import { splitByTime, tagEvents } from '../../published-events';
import { eventCalendarUrl, tagUrls, urlOf } from '../../urls';
import { labelsFor, type Labels } from '../../i18n/labels';
import { eventJsonLd, jsonLdScript } from './json-ld';
import { DESCRIPTION_MAX, previewMeta, type PageMeta } from './meta';

/** What a page needs of an event. */
export type PageEvent = Pick<PublishedEvent, 'event' | 'pieces'>;

/** Absolute URLs of a calendar and its feeds, for a subscribe block. */
export interface Subscription {
  readonly title: string;
  readonly calendar: string;
  /** The calendar's `webcal:` address (urls.ts `webcalOf`). */
  readonly webcal: string;
  readonly rss: string;
  readonly atom?: string;
  readonly json?: string;
}

function layout(
  config: SiteConfig,
  page: { title: string; description: string; feeds: Subscription; main: SafeHtml; meta: PageMeta; heading?: string },
): string {
  const t = labelsFor(config.language);
  const description = cut(page.description, DESCRIPTION_MAX) ?? '';
  return `<!DOCTYPE html>\n${html`<html lang="${config.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${description}">
${previewMeta(config, page.heading ?? page.title, description, page.meta)}${page.meta.head ?? ''}
<link rel="icon" type="image/svg+xml" href="${urlOf(config, 'favicon')}">
<link rel="stylesheet" href="${urlOf(config, 'stylesheet')}">
<link rel="alternate" type="application/rss+xml" title="${page.feeds.title} (RSS)" href="${page.feeds.rss}">
${page.feeds.atom ? html`<link rel="alternate" type="application/atom+xml" title="${page.feeds.title} (Atom)" href="${page.feeds.atom}">` : ''}
${page.feeds.json ? html`<link rel="alternate" type="application/feed+json" title="${page.feeds.title} (JSON Feed)" href="${page.feeds.json}">` : ''}
<link rel="alternate" type="text/calendar" title="${page.feeds.title} (iCalendar)" href="${page.feeds.calendar}">
<script src="${urlOf(config, 'script')}" defer></script>
</head>
<body>
<a class="skip" href="#main">${t.skipToContent}</a>
<header class="site"><div class="wrap"><a class="title" href="${config.siteUrl}">${config.title}</a>${config.description ? html`<p>${config.description}</p>` : ''}</div></header>
<main id="main" class="wrap">
${page.main}
</main>
<footer class="site"><div class="wrap">${t.publishedWith} · <a href="${urlOf(config, 'calendar')}">calendar.ics</a> · <a href="${urlOf(config, 'rss')}">RSS</a> · <a href="${urlOf(config, 'schedule')}">schedule.json</a></div></footer>
</body>
</html>
`}`;
}

/** Subscribe links: webcal, Google Calendar, Outlook.com, copy the URL, and the feeds. */
function subscribeBlock(sub: Subscription, id: string, t: Labels): SafeHtml {
  const google = `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(sub.webcal)}`;
  const outlook = `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(sub.calendar)}&name=${encodeURIComponent(sub.title)}`;
  return html`<section class="subscribe" aria-labelledby="${id}-title">
<h2 id="${id}-title">${t.subscribeTo(sub.title)}</h2>
<ul class="buttons">
<li><a class="button" href="${sub.webcal}">${t.appleThunderbird}</a></li>
<li><a class="button" href="${google}">Google Calendar</a></li>
<li><a class="button" href="${outlook}">Outlook.com</a></li>
</ul>
<div class="copy"><label for="${id}-url">${t.calendarUrl}</label>
<input id="${id}-url" type="url" readonly value="${sub.calendar}">
<button type="button" data-copy="${id}-url" data-status="${id}-status" data-done="${t.copied}" hidden>${t.copyUrl}</button>
<span id="${id}-status" role="status"></span></div>
<p class="feeds">${t.followInReader} <a href="${sub.rss}">RSS</a>${sub.atom ? html` · <a href="${sub.atom}">Atom</a>` : ''}${sub.json ? html` · <a href="${sub.json}">JSON Feed</a>` : ''}</p>
</section>`;
}

function eventListItem(e: EventHeader, t: Labels): SafeHtml {
  const cancelled = e.status === 'CANCELLED' ? html`<span class="badge">${t.cancelled}</span>` : '';
  return html`<li><span class="when">${e.when}</span><a class="what" href="${e.url}">${e.title}</a>${cancelled}${e.locationText ? html`<br><span>${e.locationText}</span>` : ''}</li>`;
}

function eventList(heading: string, id: string, events: readonly EventHeader[], t: Labels): SafeHtml {
  if (!events.length) return html``;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><ol class="events">${events.map((e) => eventListItem(e, t))}</ol></section>`;
}

function tagNav(config: SiteConfig, groups: readonly TagGroup[], t: Labels): SafeHtml {
  if (!groups.length) return html``;
  return html`<nav aria-labelledby="tags-title"><h2 id="tags-title">${t.browseByTag}</h2><ul class="tags">${groups.map(
    (g) => html`<li><a href="${urlOf(config, 'tagPage', { tag: g.slug })}">${g.name} (${g.ids.length})</a></li>`,
  )}</ul></nav>`;
}

/** The site's subscription: its calendar and every feed. */
function siteSubscription(site: Site): Subscription {
  return {
    title: site.config.title,
    calendar: site.urls.calendar,
    webcal: site.urls.webcal,
    rss: site.urls.rss,
    atom: site.urls.atom,
    json: site.urls.json,
  };
}

/** `index.html` */
export function indexPage(site: Site): string {
  const { config } = site;
  const sub = siteSubscription(site);
  const groups = site.tags;
  const { upcoming, past } = splitByTime(
    site.events.map((e) => e.event),
    site.now,
  );
  const t = labelsFor(config.language);
  const main = html`<h1>${config.title}</h1>
${subscribeBlock(sub, 'site', t)}
${eventList(t.upcoming, 'upcoming', upcoming, t)}
${upcoming.length ? '' : html`<p>${t.noUpcoming}</p>`}
${eventList(t.past, 'past', past, t)}
${tagNav(config, groups, t)}`;
  return layout(config, {
    title: config.title,
    description: config.description || config.title,
    feeds: sub,
    main,
    meta: { url: config.siteUrl },
  });
}

/** `tags/<slug>/index.html` */
export function tagPage(s: Site, tag: TagGroup): string {
  const { config } = s;
  const site = siteSubscription(s);
  const at = tagUrls(config, tag);
  const sub: Subscription = {
    title: `${config.title}: ${tag.name}`,
    calendar: at.calendar,
    webcal: at.webcal,
    rss: at.rss,
  };
  const { upcoming, past } = splitByTime(
    tagEvents(s, tag).map((e) => e.event),
    s.now,
  );
  const t = labelsFor(config.language);
  const main = html`<p><a href="${config.siteUrl}">${t.allEvents}</a></p>
<h1>${t.tagHeading(tag.name)}</h1>
${subscribeBlock(sub, 'tag', t)}
${eventList(t.upcoming, 'upcoming', upcoming, t)}
${eventList(t.past, 'past', past, t)}`;
  return layout(config, {
    title: `${tag.name} · ${config.title}`,
    description: t.eventsTagged(tag.name),
    feeds: { ...site, ...sub, atom: undefined, json: undefined },
    main,
    meta: { url: urlOf(config, 'tagPage', { tag: tag.slug }) },
  });
}

/** `<identity>/index.html` */
export function eventPage(s: Site, item: PageEvent): string {
  const { config } = s;
  const site = siteSubscription(s);
  const e = item.event;
  const clock = agendaClock(e.time);
  const l = labelsFor(config.language);
  const t = e.time;
  const zone = t.timeZone;
  // `e.when` is this text in the event's zone, made once with the page (ICU's formatRange is slow).
  const when =
    t.kind === 'timed'
      ? html`<time class="dt-start" datetime="${new Date(t.start).toISOString()}" data-zone="${zone}" data-your-time="${l.yourTime}"${t.end !== null ? html` data-end="${new Date(t.end).toISOString()}"` : ''}>${e.when}</time>${t.end !== null ? html`<data class="dt-end" value="${new Date(t.end).toISOString()}"></data>` : ''}`
      : html`<time class="dt-start" datetime="${t.startDate}">${e.when}</time><data class="dt-end" value="${t.endDate}"></data>`;
  const facts = html`<dl class="facts">
<dt>${l.when}</dt><dd>${when}</dd>
${e.locationText ? html`<dt>${l.where}</dt><dd class="p-location">${e.locationText}</dd>` : ''}
${e.series ? html`<dt>${l.partOf}</dt><dd>${e.seriesUrl ? html`<a href="${safeUrl(e.seriesUrl)}">${e.series}</a>` : e.series}</dd>` : e.seriesUrl ? html`<dt>${l.eventSite}</dt><dd><a href="${safeUrl(e.seriesUrl)}">${e.seriesUrl}</a></dd>` : ''}
${e.status !== 'CONFIRMED' ? (e.status === 'CANCELLED' ? html`<dt>${l.status}</dt><dd class="cancelled">${l.willNotTakePlace}</dd>` : html`<dt>${l.status}</dt><dd>${l.tentative}</dd>`) : ''}
</dl>`;
  const add = html`<section class="add" aria-labelledby="add-title"><h2 id="add-title">${l.addToCalendar}</h2><ul class="buttons">
<li><a class="button" href="${eventCalendarUrl(e, config)}">${l.downloadIcs}</a></li>
<li><a class="button secondary" href="${googleTemplateLink(item)}">${l.addToGoogle}</a></li>
</ul></section>`;
  const agenda = e.sessions.length
    ? html`<section aria-labelledby="agenda-title"><h2 id="agenda-title">${l.agenda}</h2><ul class="agenda">${e.sessions.map((s) => html`<li>${agendaLine(s, clock)}</li>`)}</ul></section>`
    : '';
  const details =
    item.pieces.leadHtml || item.pieces.bodyHtml
      ? html`<section class="content e-content" aria-labelledby="details-title"><h2 id="details-title">${l.details}</h2>${trusted(shiftHeadings(item.pieces.leadHtml))}${trusted(shiftHeadings(item.pieces.bodyHtml))}</section>`
      : '';
  const links = e.links.length
    ? html`<section aria-labelledby="links-title"><h2 id="links-title">${l.links}</h2><ul>${e.links.map((l) => html`<li><a href="${safeUrl(l.url)}">${l.name}</a></li>`)}</ul></section>`
    : '';
  const tags = e.tags.length
    ? html`<section aria-labelledby="tags-title"><h2 id="tags-title">${l.tags}</h2><ul class="tags">${e.tags.map((tag) => html`<li><a class="p-category" href="${urlOf(config, 'tagPage', { tag: urlSafeSegment(tag) })}">${tag}</a></li>`)}</ul></section>`
    : '';
  const main = html`<p><a href="${config.siteUrl}">${l.allEvents}</a></p>
<article class="h-event">
<data class="u-url" value="${e.url}"></data>
<h1 class="p-name">${e.title}${e.status === 'CANCELLED' ? html` <span class="badge">${l.cancelled}</span>` : ''}</h1>
${facts}
${add}
${agenda}
${details}
${links}
${tags}
</article>`;
  // The preview says when and where: that is what people need before they click.
  const preview = [e.when, e.locationText, e.summaryText].filter(Boolean).join(' · ');
  const meta: PageMeta = {
    url: e.url,
    ...(e.image ? { image: e.image } : {}),
    head: jsonLdScript(eventJsonLd(e, config)),
  };
  return layout(config, {
    title: `${e.title} · ${config.title}`,
    heading: e.title,
    description: preview || e.title,
    feeds: site,
    main,
    meta,
  });
}

/** Markdown headings start at h1; inside the page (under its h1 and an h2) they start at h3. */
function shiftHeadings(markup: string): string {
  return markup.replace(
    /<(\/?)h([1-6])>/g,
    (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}>`,
  );
}

/** Google Calendar's "create event" template link for one event. */
function googleTemplateLink(item: PageEvent): string {
  const e = item.event;
  const t = e.time;
  const stamp = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const dates =
    t.kind === 'timed'
      ? `${stamp(t.start)}/${stamp(t.end ?? t.start)}`
      : `${t.startDate.replace(/-/g, '')}/${new Date(Date.parse(`${t.endDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')}`;
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates,
    details: `${e.summaryText ? `${e.summaryText}\n\n` : ''}${e.url}`,
    location: e.locationText ?? '',
    ctz: t.timeZone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** `404.html`, which CloudFront (and the local servers) show for a missing path. */
export function notFoundPage(site: Site): string {
  const { config } = site;
  const calendarUrl = site.urls.calendar;
  const t = labelsFor(config.language);
  return `<!DOCTYPE html>\n${html`<html lang="${config.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.notFound} · ${config.title}</title></head>
<body><main><h1>${t.notFound}</h1><p>${t.pageDoesNotExist} <a href="${config.siteUrl}">${config.title}</a> · <a href="${calendarUrl}">${t.calendar}</a></p></main></body>
</html>
`}`;
}
