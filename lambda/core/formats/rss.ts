/**
 * RSS 2.0 with `atom:link rel="self"`: the site's feed (full text) and each tag's (summaries). Plain
 * text follows the RSS Best Practices Profile: titles and categories with `&#x26;`/`&#x3C;`,
 * descriptions as HTML (escaped text, line breaks as `<br>`).
 */
import { cdata, element, plainTextElement, xmlEscape } from './xml';
import { textAsHtml } from './html/html';
import { channelOf, feedEntries, latest, withItems, type FeedChannel } from './feed-item';
import { rfc822 } from '../shared/stamps';
import { tagEvents } from '../published-events';
import type { FeedItem, Site, TagGroup } from '../published';
import { tagUrls } from '../urls';

/** `rss.xml`: every event, with its full text. */
export function siteRss(site: Site): Iterable<string> {
  return rss(channelOf(site, site.urls.rss), feedEntries(site), true);
}

/** `tags/<tag>/rss.xml`: the tag's events, summary and link only (the full text is in the site's feed). */
export function tagRss(site: Site, tag: TagGroup): Iterable<string> {
  const at = tagUrls(site.config, tag);
  return rss(
    channelOf(site, at.rss, `${site.config.title}: ${tag.name}`, at.page),
    feedEntries(site, tagEvents(site, tag)),
    false,
  );
}

/** An RSS document; `full` adds each item's `content:encoded`. */
export function rss(channel: FeedChannel, items: readonly FeedItem[], full: boolean): Iterable<string> {
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    plainTextElement('title', channel.title),
    element('link', channel.homeUrl),
    element('description', textAsHtml(channel.description || channel.title)),
    element('language', channel.language),
    element('generator', 'calpub'),
    element('ttl', String(channel.ttlMinutes)),
    `<atom:link href="${xmlEscape(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (items.length) head.push(element('lastBuildDate', rfc822(latest(items))));
  return withItems(head, items, (item) => rssItem(item, full), ['</channel>', '</rss>', '']);
}

function rssItem(item: FeedItem, full: boolean): string {
  return [
    '<item>',
    plainTextElement('title', item.title),
    element('link', item.url),
    `<guid isPermaLink="false">${xmlEscape(item.uid)}</guid>`,
    element('pubDate', rfc822(item.published)),
    // RSS descriptions are HTML: the plain-text summary is escaped for HTML, then for XML.
    element('description', textAsHtml(item.summary)),
    full ? `<content:encoded>${cdata(item.html)}</content:encoded>` : '',
    ...item.tags.map((t) => plainTextElement('category', t)),
    '</item>',
  ].join('');
}
