/** Atom 1.0: the site's feed; entry and feed ids are `urn:uuid:` names derived from the UIDs. */
import { cdata, element, xmlEscape } from './xml';
import { channelOf, feedEntries, latest, uuidFromName, withItems } from './feed-item';
import { rfc3339 } from '../shared/stamps';
import type { FeedItem, Site } from '../published';

/** `atom.xml` */
export function atom(site: Site): Iterable<string> {
  const channel = channelOf(site, site.urls.atom);
  const items = feedEntries(site);
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(channel.language)}">`,
    element('id', `urn:uuid:${uuidFromName(`${channel.idDomain} ${channel.selfUrl.replace(/^.*\/\/[^/]+\//, '')}`)}`),
    element('title', channel.title),
    element('subtitle', channel.description || channel.title),
    element('updated', rfc3339(items.length ? latest(items) : 0)),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(channel.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(channel.homeUrl)}"/>`,
    `<author>${element('name', channel.title)}</author>`,
    element('generator', 'calpub'),
  ];
  return withItems(head, items, entry, ['</feed>', '']);
}

function entry(item: FeedItem): string {
  return [
    '<entry>',
    element('id', `urn:uuid:${uuidFromName(item.uid)}`),
    element('title', item.title),
    `<link rel="alternate" type="text/html" href="${xmlEscape(item.url)}"/>`,
    element('published', rfc3339(item.published)),
    element('updated', rfc3339(item.updated)),
    `<summary type="text">${xmlEscape(item.summary)}</summary>`,
    `<content type="html">${cdata(item.html)}</content>`,
    ...item.tags.map((t) => `<category term="${xmlEscape(t)}"/>`),
    '</entry>',
  ].join('');
}
