/**
 * Tag subsets. A tag's URL is its URL-safe slug (`tags/<slug>/`), as Hugo's taxonomy URLs are; tags
 * whose slugs collide (`MadeByUS` and `MadeByUs`) are one tag, shown under their most frequent
 * spelling, and the build warns once per collision.
 */
import { urlSafeSegment } from './read/identity';
import type { Problem } from './model';

/** One tag and the events that carry it. */
export interface TagGroup {
  readonly slug: string;
  /** The most frequent spelling (ties: the first in alphabetical order). */
  readonly name: string;
  /** Identities of the events, in the order given. */
  readonly ids: readonly string[];
}

/**
 * Groups events by tag slug.
 * @param events - id, file and tags of each published event, in calendar order
 */
export function groupTags(events: ReadonlyArray<{ id: string; file: string; tags: readonly string[] }>): {
  groups: TagGroup[];
  problems: Problem[];
} {
  const bySlug = new Map<string, { ids: string[]; spellings: Map<string, string[]> }>();
  const slugs = new Map<string, string>(); // the same few tags, on thousands of events
  for (const e of events) {
    const seen = new Set<string>();
    for (const tag of e.tags) {
      let slug = slugs.get(tag);
      if (slug === undefined) slugs.set(tag, (slug = urlSafeSegment(tag)));
      let group = bySlug.get(slug);
      if (!group) bySlug.set(slug, (group = { ids: [], spellings: new Map() }));
      if (!seen.has(slug)) group.ids.push(e.id);
      seen.add(slug);
      const files = group.spellings.get(tag);
      if (files) files.push(e.file);
      else group.spellings.set(tag, [e.file]);
    }
  }
  const groups: TagGroup[] = [];
  const problems: Problem[] = [];
  for (const slug of [...bySlug.keys()].sort()) {
    const { ids, spellings } = bySlug.get(slug) as { ids: string[]; spellings: Map<string, string[]> };
    const ranked = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const name = ranked[0][0];
    if (ranked.length > 1) {
      const others = ranked
        .slice(1)
        .map(([spelling]) => `"${spelling}"`)
        .join(', ');
      problems.push({
        file: ranked[1][1][0],
        severity: 'warning',
        field: 'tags',
        message: `tags "${name}" and ${others} have the same URL tags/${slug}/, so they are one tag, shown as "${name}"; write them the same way to silence this`,
      });
    }
    groups.push({ slug, name, ids });
  }
  return { groups, problems };
}
