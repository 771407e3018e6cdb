/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the site's feed, one item per line. */
import { channelOf, feedEntries } from './feed-item';
import { rfc3339 } from '../shared/stamps';
import type { FeedItem, Site } from '../published';

/** `feed.json` */
export function* jsonFeed(site: Site): Generator<string> {
  const channel = channelOf(site, site.urls.json);
  const head = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.selfUrl,
    description: channel.description || channel.title,
    language: channel.language,
    authors: [{ name: channel.title }],
  });
  yield `${head.slice(0, -1)},"items":[\n`;
  let separator = '';
  for (const entry of feedEntries(site)) {
    yield `${separator}${item(entry)}`;
    separator = ',\n';
  }
  yield '\n]}\n';
}

function item(entry: FeedItem): string {
  return JSON.stringify({
    id: entry.uid,
    url: entry.url,
    title: entry.title,
    summary: entry.summary,
    content_html: entry.html,
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    tags: entry.tags,
  });
}
