/** What is published now: drafts, scheduled and expired pages, legacy talks, starts far ahead. */
import { build, yamlPage } from '../../helpers';

describe('selection', () => {
  it('leaves out drafts, future publishDate and past expiryDate, against the injected clock', () => {
    const result = build([
      yamlPage('event/draft/index.md', "title: D\ndate: '2027-01-10'\ndraft: true"),
      yamlPage('event/later/index.md', "title: L\ndate: '2027-01-10'\npublishDate: '2026-12-01T00:00:00Z'"),
      yamlPage('event/old/index.md', "title: O\ndate: '2020-01-10'\nexpiryDate: '2021-01-01T00:00:00Z'"),
      yamlPage('event/now/index.md', "title: N\ndate: '2027-01-10'\npublishDate: '2026-11-01T00:00:00Z'"),
    ]);
    expect(result.published).toEqual(['event/now']);
    expect(result.skipped).toEqual([
      { file: 'event/draft/index.md', reason: 'draft' },
      { file: 'event/later/index.md', reason: 'scheduled' },
      { file: 'event/old/index.md', reason: 'expired' },
    ]);
    const afterPublish = build(
      [yamlPage('event/later/index.md', "title: L\ndate: '2027-01-10'\npublishDate: '2026-12-01T00:00:00Z'")],
      { now: Date.parse('2026-12-02T00:00:00Z') },
    );
    expect(afterPublish.published).toEqual(['event/later']);
  });

  it('hides a legacy talk page whose page date is ahead, as Hugo does, even when the talk time is past', () => {
    const result = build([
      yamlPage('talk/tbc/index.md', "title: tbc\ndate: '3018-01-01'\ntime_start: '2019-05-02T14:00:00'"),
      yamlPage('talk/next/index.md', "title: Next\ndate: '2026-12-20'\ntime_start: '2026-12-20T14:00:00'"),
      yamlPage('talk/old/index.md', "title: Old\ndate: '2019-04-01'\ntime_start: '2019-05-02T14:00:00'"),
      yamlPage('event/ahead/index.md', "title: Ahead\ndate: '2027-03-01T18:00:00'"),
    ]);
    expect([...result.published].sort()).toEqual(['event/ahead', 'talk/old']);
    expect(result.skipped).toEqual([
      { file: 'talk/next/index.md', reason: 'scheduled' },
      { file: 'talk/tbc/index.md', reason: 'scheduled' },
    ]);
    expect(result.problems).toEqual([
      {
        file: 'talk/tbc/index.md',
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(/`date` is 3018-01-01, more than 5 years ahead: .*draft: true.*fix the year/),
      },
    ]);
  });

  it('warns about any start more than about 5 years ahead, and publishes it', () => {
    const result = build([
      yamlPage('event/far/index.md', "title: Far\ndate: '2032-01-10T10:00:00'"),
      yamlPage('event/near/index.md', "title: Near\ndate: '2031-11-01T10:00:00'"),
      yamlPage('event/day/index.md', "title: Day\ndate: '3018-01-01'"),
    ]);
    expect([...result.published].sort()).toEqual(['event/day', 'event/far', 'event/near']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'event/day/index.md',
        field: 'date',
        message: expect.stringMatching(/is 3018-01-01, more than 5 years ahead/),
      }),
      expect.objectContaining({
        file: 'event/far/index.md',
        field: 'date',
        message: expect.stringMatching(/is 2032-01-10, more than 5 years ahead/),
      }),
    ]);
  });
});
