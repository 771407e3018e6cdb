/** Bad input never takes the calendar down, and nothing already published is lost. */
import { serializeMemory } from '../../../lambda/core/memory';
import { readCalendar } from '../../ical';
import { build, NOW, output, TEST_CONFIG_YAML, yamlPage, parseMemory } from '../../helpers';

describe('bad input never takes the calendar down', () => {
  it('publishes every good page and reports each broken one with its path and field', () => {
    const good = yamlPage('event/good/index.md', "title: Good\ndate: '2027-01-10T10:00:00Z'");
    const files = [
      good,
      { path: 'event/nofence/index.md', text: 'title: x\n' },
      yamlPage('event/tba/index.md', "title: T\ndate: 'TBA'"),
      yamlPage('event/yaml/index.md', 'title: [oops'),
      yamlPage('event/nodate/index.md', "title: B\ndate_end: '2026-01-10'"),
    ];
    const result = build(files);
    expect(result.published).toEqual(['event/good']);
    expect(result.problems.map((p) => [p.file, p.severity, p.field])).toEqual([
      ['event/nodate/index.md', 'error', 'date'],
      ['event/nofence/index.md', 'error', null],
      ['event/tba/index.md', 'error', 'date'],
      ['event/yaml/index.md', 'error', null],
    ]);
  });

  it('rejects both pages that claim one identity, naming the other', () => {
    const result = build([
      yamlPage('event/x/index.md', "title: One\ndate: '2027-01-10'"),
      yamlPage('event/x.md', "title: Two\ndate: '2027-01-11'"),
      yamlPage('event/y/index.md', "title: Three\nslug: x\ndate: '2027-01-12'"),
    ]);
    expect(result.published).toEqual([]);
    expect(result.problems).toHaveLength(3);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/same identity `event\/x`.*event\/x\.md/);
  });

  it('skips section pages and files under _ folders without complaint', () => {
    const result = build([yamlPage('event/_index.md', 'title: Events'), yamlPage('_drafts/a.md', 'title: x')]);
    expect(result).toMatchObject({ pages: 0, problems: [], published: [] });
  });
});

describe('nothing already published is lost', () => {
  const good = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'\n");
  const broken = { ...good, text: good.text.replace("'2027-01-10T10:00:00Z'", "'TBA'") };

  it('keeps the last good version of a page that breaks, from the memory, with its errors and a note', () => {
    const first = build([good]);
    expect(first.memory.lastGood).toEqual({ 'event/a/index.md': good.text });
    const second = build([broken], { memory: parseMemory(serializeMemory(first.memory)), now: NOW + 1000 });
    expect(second.published).toEqual(['event/a']);
    expect(output(second, 'calendar.ics')).toBe(output(first, 'calendar.ics'));
    expect(second.problems.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'date'],
      ['warning', null],
    ]);
    expect(second.problems[1].message).toMatch(/version published before stays/);
    // However long it stays broken: the memory keeps the good text.
    expect(second.memory.lastGood).toEqual(first.memory.lastGood);
    expect(build([broken], { memory: second.memory, now: NOW + 2000 }).published).toEqual(['event/a']);
  });

  it('renders the kept version with the current configuration, after a config edit', () => {
    const first = build([good]);
    const config = `${TEST_CONFIG_YAML.replace('example.org\n', 'other.example.org\n').replace('https://events.example.org/', 'https://new.example.org/')}`;
    const second = build([broken], { config, memory: first.memory, now: NOW + 1000 });
    const calendar = output(second, 'calendar.ics');
    expect(readCalendar(calendar).events.map((e) => [e.uid, e.url])).toEqual([
      ['event/a@other.example.org', 'https://new.example.org/event/a/'],
    ]);
    expect(calendar).toContain('SOURCE;VALUE=URI:https://new.example.org/calendar.ics');
    expect(calendar).not.toContain('events.example.org');
  });

  it('forgets the last good version once the page is fixed, or deleted', () => {
    const first = build([good]);
    const fixed = { ...good, text: good.text.replace('title: A', 'title: A, fixed') };
    expect(build([fixed], { memory: first.memory }).memory.lastGood).toEqual({ 'event/a/index.md': fixed.text });
    const gone = build([], { memory: first.memory });
    expect(gone.published).toEqual([]);
    expect(gone.memory.lastGood).toEqual({});
  });

  it('does not invent a version for a page that never made an event', () => {
    const result = build([broken]);
    expect(result.published).toEqual([]);
    expect(result.memory.lastGood).toEqual({});
  });
});
