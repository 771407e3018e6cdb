/**
 * The embeddable widget: static pages made to be shown in an `<iframe>` on another site (a lab's
 * WordPress, a university page): the upcoming events of the whole site (`embed/`) or of one tag
 * (`embed/tags/<tag>/`), each linking to its page and its .ics. An iframe rather than a script for the
 * host page: it works under any host (no script of ours runs there, whatever its CSP), its styles
 * cannot clash, and the host needs one line of HTML. Options in the iframe's query string, read by
 * `assets/embed.js`: `count` (default 5, at most 12), `theme` (`light`, `dark`; default: the
 * visitor's). Without the script, every listed event shows in the visitor's theme. Links open in a
 * new tab (`<base target="_blank">`, which browsers open without `window.opener`). Each language has
 * its own (`fr/embed/`). The pages, stylesheet and script weigh a few KB (tested: under 10 KB).
 */
import type { EventHeader, PublishedEvent, Site, TagGroup } from '../../published';
import { eventCalendarUrl, homeUrl, tagUrls, urlOf } from '../../urls';
import { publishes } from '../../read/config';
import { labelsFor } from '../../i18n/labels';
import { html } from './html';
import { isUpcoming, tagEvents } from '../../published-events';
import { endInstant } from '../../read/time';

/** How many events an embed page holds at most (the `count` option shows fewer). */
export const EMBED_MAX = 12;

function embedPage(
  site: Site,
  events: readonly PublishedEvent[],
  heading: string,
  home: string,
  webcal: string,
): string {
  const { config } = site;
  // calpub's pages have the subscribe buttons; without them (a Hugo site's), the calendar itself.
  const subscribe = publishes(config, 'pages') ? home : webcal;
  const t = labelsFor(config.language);
  // The first events not yet ended, in calendar order (by start, as the index's "upcoming"): one pass
  // that stops at EMBED_MAX, so a tag of thousands of events costs a dozen.
  const upcoming: EventHeader[] = [];
  for (const { event } of events) {
    if (upcoming.length === EMBED_MAX) break;
    if (isUpcoming(event, site.now)) upcoming.push(event);
  }
  const items = upcoming.map(
    (
      e,
    ) => html`<li data-end="${new Date(endInstant(e.time)).toISOString()}"><a class="what" href="${e.url}">${e.title}</a>${e.status === 'CANCELLED' ? html` <strong class="badge">${t.cancelled}</strong>` : ''}
<span class="when">${e.when}</span>${e.locationText ? html`<span class="where">${e.locationText}</span>` : ''}
<a class="ics" href="${eventCalendarUrl(e, config)}" aria-label="${t.downloadIcs}: ${e.title}">.ics</a></li>`,
  );
  return `<!DOCTYPE html>\n${html`<html lang="${config.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<base target="_blank">
<title>${heading}</title>
<link rel="stylesheet" href="${urlOf(config, 'embedStylesheet')}">
<script src="${urlOf(config, 'embedScript')}" defer></script>
</head>
<body>
<main aria-labelledby="embed-title">
<h1 id="embed-title"><a href="${home}">${heading}</a></h1>
${items.length ? html`<ol class="events">${items}</ol>` : html`<p>${t.noUpcoming}</p>`}
<p class="more"><a href="${subscribe}">${t.subscribeTo(config.title)}</a></p>
</main>
</body>
</html>
`}`;
}

/** `embed/index.html`: the site's upcoming events. */
export function siteEmbed(site: Site): string {
  const t = labelsFor(site.config.language);
  return embedPage(site, site.events, `${site.config.title}: ${t.upcoming}`, homeUrl(site.config), site.urls.webcal);
}

/** `embed/tags/<tag>/index.html`: one tag's upcoming events. */
export function tagEmbed(site: Site, tag: TagGroup): string {
  const events = tagEvents(site, tag);
  const at = tagUrls(site.config, tag);
  return embedPage(site, events, `${site.config.title}: ${tag.name}`, at.page ?? homeUrl(site.config), at.webcal);
}

/** `assets/embed.css`: light and dark, following the visitor unless `theme` says. */
export const EMBED_STYLESHEET = `:root { --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --line: #d0d7de; --accent: #0b5cad; --focus: #b35900;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.45; color: var(--fg); background: var(--bg); }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --line: #30363d; --accent: #6cb6ff; --focus: #f0883e; } }
:root[data-theme="dark"] { --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --line: #30363d; --accent: #6cb6ff; --focus: #f0883e; }
body { margin: 0; padding: .75rem 1rem; }
h1 { font-size: 1.05rem; margin: 0 0 .5rem; }
h1 a { color: var(--fg); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.events { list-style: none; margin: 0; padding: 0; }
.events li { padding: .5rem 0; border-top: 1px solid var(--line); }
.events li[hidden] { display: none; }
.what { font-weight: 600; }
.badge { color: #b42318; font-size: .8rem; text-transform: uppercase; }
.when, .where { display: block; color: var(--muted); font-size: .9rem; }
.ics { font-size: .85rem; }
.more { margin: .5rem 0 0; font-size: .9rem; }
`;

/** `assets/embed.js`: the `count` and `theme` options, and events that ended since the build left out. */
export const EMBED_SCRIPT = `(function () {
  var options = new URLSearchParams(location.search);
  var theme = options.get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
  var count = Math.min(${EMBED_MAX}, Math.max(1, parseInt(options.get('count') || '5', 10) || 5));
  var now = Date.now();
  var shown = 0;
  document.querySelectorAll('.events li').forEach(function (li) {
    var ended = Date.parse(li.getAttribute('data-end')) < now;
    if (ended || shown >= count) li.hidden = true;
    else shown++;
  });
})();
`;
