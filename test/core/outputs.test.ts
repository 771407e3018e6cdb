import { corsPathPatterns, OUTPUTS, outputAt, outputPath } from '../../lambda/core/outputs';

describe('the outputs table', () => {
  it('fills an event identity and a tag slug into paths, and leaves a placeholder without them', () => {
    expect(outputPath('eventCalendar', { event: 'event/talk' })).toBe('event/talk.ics');
    expect(outputPath('tagRss', { tag: 'r' })).toBe('tags/r/rss.xml');
    expect(outputPath('tagRss')).toBe('tags/<tag>/rss.xml');
    expect(outputPath('eventPage')).toBe('<event>/index.html'); // a kind's path, unfilled
    expect(outputPath('eventPage', { event: 'a/$&b' })).toBe('a/$&b/index.html'); // taken as written, not a pattern
  });

  it('tells the kind of every path the table makes, the site files before the event and tag ones', () => {
    const cases: Array<[string, string | null]> = [
      ['calendar.ics', 'calendar'],
      ['event/talk.ics', 'eventCalendar'],
      ['tags/r/calendar.ics', 'tagCalendar'],
      ['tags/r/rss.xml', 'tagRss'],
      ['tags/r/index.html', 'tagPage'],
      ['tags/r/s/index.html', 'eventPage'], // a tag slug has no slash
      ['index.html', 'index'],
      ['event/talk/index.html', 'eventPage'],
      ['404.html', 'notFound'],
      ['schedule.schema.json', 'scheduleSchema'],
      ['scheduleXschema.json', null], // dots are dots
      ['robots.txt', 'robots'],
      ['notes.txt', null],
      ['xcalendar.ics', 'eventCalendar'],
      ['calendar.icsx', null],
    ];
    expect(cases.map(([path]) => [path, outputAt(path)])).toEqual(cases);
    for (const name of Object.keys(OUTPUTS) as Array<keyof typeof OUTPUTS>)
      expect([name, outputAt(outputPath(name, { event: 'event/e', tag: 't' }))]).toEqual([name, name]);
  });

  it('lets other sites read the calendars and the JSON files, and nothing else', () => {
    expect(corsPathPatterns()).toEqual(['*.ics', '*.json']);
  });
});
