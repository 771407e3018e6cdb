import { groupTags } from '../../lambda/core/tags';

const ev = (id: string, ...tags: string[]) => ({ id, file: `event/${id}/index.md`, tags });

describe('groupTags', () => {
  it('groups events by slug, slugs in order, events in the order given', () => {
    const { groups, problems } = groupTags([ev('b', 'Zeta', 'Alpha'), ev('a', 'Alpha')]);
    expect(groups).toEqual([
      { slug: 'alpha', name: 'Alpha', ids: ['b', 'a'] },
      { slug: 'zeta', name: 'Zeta', ids: ['b'] },
    ]);
    expect(problems).toEqual([]);
  });

  it('lists an event once under a tag it carries twice, or in two spellings', () => {
    expect(groupTags([ev('a', 'R', 'R', 'r')]).groups).toEqual([{ slug: 'r', name: 'R', ids: ['a'] }]);
  });

  it('names a tag by its most frequent spelling, ties by the first in code-point order, with one warning', () => {
    const { groups, problems } = groupTags([
      ev('a', 'MadeByUs'),
      ev('b', 'MadeByUS'),
      ev('c', 'madebyus'),
      ev('d', 'madebyus'),
    ]);
    expect(groups).toEqual([{ slug: 'madebyus', name: 'madebyus', ids: ['a', 'b', 'c', 'd'] }]);
    expect(problems).toEqual([
      {
        file: 'event/b/index.md',
        severity: 'warning',
        field: 'tags',
        message:
          'tags "madebyus" and "MadeByUS", "MadeByUs" have the same URL tags/madebyus/, so they are one tag, shown as "madebyus"; write them the same way to silence this',
      },
    ]);
    expect(groupTags([ev('a', 'MadeByUs'), ev('b', 'MadeByUS')]).groups[0].name).toBe('MadeByUS');
    expect(groupTags([ev('a', 'MadeByUS'), ev('b', 'MadeByUs')]).groups[0].name).toBe('MadeByUS');
  });
});
