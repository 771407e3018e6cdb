import { eventCalendarUrl, homeUrl, siteUrls, tagUrls, urlOf, webcalOf } from '../../lambda/core/urls';
import { TEST_CONFIG } from '../helpers';

const hugo = {
  ...TEST_CONFIG,
  permalinkBase: 'https://lab.example.org/',
  outputs: ['calendars', 'feeds'],
} as typeof TEST_CONFIG;

describe('urls: every link from the outputs table', () => {
  it("gives a page's folder, not its index.html, and every other file as it is", () => {
    expect(urlOf(TEST_CONFIG, 'index')).toBe('https://events.example.org/');
    expect(urlOf(TEST_CONFIG, 'tagPage', { tag: 'r' })).toBe('https://events.example.org/tags/r/');
    expect(urlOf(TEST_CONFIG, 'notFound')).toBe('https://events.example.org/404.html');
    expect(eventCalendarUrl({ id: 'event/a' }, TEST_CONFIG)).toBe('https://events.example.org/event/a.ics');
    // Only the file's own name goes: a talk called "index.html and CSS" keeps its folder.
    expect(urlOf(TEST_CONFIG, 'eventPage', { event: 'talks/index.html-and-css' })).toBe(
      'https://events.example.org/talks/index.html-and-css/',
    );
  });

  it('puts the home on calpub’s own index page when it makes pages, permalinkBase or not', () => {
    expect(homeUrl({ ...hugo, outputs: ['calendars', 'feeds', 'schedule', 'pages'] })).toBe(
      'https://events.example.org/',
    );
    expect(homeUrl(hugo)).toBe('https://lab.example.org/');
    expect(homeUrl({ ...hugo, permalinkBase: null })).toBe('https://events.example.org/');
  });

  it('gives webcal: for calendars, from http and https sites alike', () => {
    expect(webcalOf(TEST_CONFIG, 'calendar')).toBe('webcal://events.example.org/calendar.ics');
    expect(webcalOf({ siteUrl: 'http://127.0.0.1:8080/' }, 'tagCalendar', { tag: 'r' })).toBe(
      'webcal://127.0.0.1:8080/tags/r/calendar.ics',
    );
  });

  it("names the site's files", () => {
    expect(siteUrls(TEST_CONFIG)).toEqual({
      site: 'https://events.example.org/',
      calendar: 'https://events.example.org/calendar.ics',
      webcal: 'webcal://events.example.org/calendar.ics',
      rss: 'https://events.example.org/rss.xml',
      atom: 'https://events.example.org/atom.xml',
      json: 'https://events.example.org/feed.json',
      schedule: 'https://events.example.org/schedule.json',
      schema: 'https://events.example.org/schedule.schema.json',
    });
  });

  it("links a tag to calpub's page of it, else to the Hugo site's, else to none", () => {
    const tag = { slug: 'machine-learning', name: 'Machine Learning' };
    expect(tagUrls(TEST_CONFIG, tag)).toEqual({
      page: 'https://events.example.org/tags/machine-learning/',
      calendar: 'https://events.example.org/tags/machine-learning/calendar.ics',
      webcal: 'webcal://events.example.org/tags/machine-learning/calendar.ics',
      rss: 'https://events.example.org/tags/machine-learning/rss.xml',
    });
    expect(tagUrls(hugo, tag).page).toBe('https://lab.example.org/tags/machine-learning/');
    expect(tagUrls({ ...hugo, permalinkBase: null }, tag).page).toBeNull();
  });

  it("makes the site's home its own index page, or the Hugo site's when calpub makes no pages", () => {
    expect(homeUrl(TEST_CONFIG)).toBe('https://events.example.org/');
    expect(homeUrl(hugo)).toBe('https://lab.example.org/');
    expect(homeUrl({ ...hugo, permalinkBase: null })).toBe('https://events.example.org/');
  });
});
