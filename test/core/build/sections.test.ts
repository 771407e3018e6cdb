/** Only events are events: the sections a build reads. */
import { build, TEST_CONFIG_YAML, yamlPage } from '../../helpers';

describe('only events are events', () => {
  const files = [
    yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'"),
    yamlPage('talk/b.md', "title: B\ndate: '2027-01-11T10:00:00Z'"),
    yamlPage('fr/events/c/index.md', "title: C\ndate: '2027-01-12T10:00:00Z'"),
    yamlPage('post/hello/index.md', 'title: Hello\ndate: 2026-01-01'),
    yamlPage('publication/paper/index.md', "title: Paper\ndate: '2020-01-01'\npublication_types: ['2']"),
    yamlPage('home/about.md', 'widget: about\nheadless: true'),
    yamlPage('authors/admin/_index.md', 'title: Admin'),
    yamlPage('project/x/index.md', 'title: Project'),
  ];

  it('reads the event and talk sections only, and says nothing of the other pages', () => {
    const result = build(files);
    expect([...result.published].sort()).toEqual(['event/a', 'fr/events/c', 'talk/b']);
    expect(result.problems).toEqual([]);
    expect(result.pages).toBe(3);
  });

  it('reads the sections the config names', () => {
    const result = build(files, { config: `${TEST_CONFIG_YAML}sections: [post]\n` });
    expect(result.published).toEqual(['post/hello']);
  });
});
