/**
 * The subscribe site in a real browser (Debian chromium through playwright-core), served by the same
 * local server as `npm start`. Screenshots go to test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { contentFolder } from '../../bin/cli/content-source';
import { runBuild } from '../../bin/cli/build-command';
import { startStaticServer } from '../../bin/cli/serve';

const ROOT = path.join(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const NOW = Date.parse('2026-11-29T12:00:00Z');

let server: Server;
let base: string;
let browser: Browser;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'calpub-browser-'));
  server = await startStaticServer(out, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await runBuild({
    source: contentFolder(path.join(ROOT, 'content')),
    out,
    now: NOW,
    report: null,
    strict: true,
    siteUrl: base,
    log: () => undefined,
    progress: () => undefined,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ], // playwright gives each launch a new empty profile
  });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(pathname: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
  const page = await context.newPage();
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') consoleErrors.push(`${pathname}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${pathname}: ${e.message}`));
  const response = await page.goto(base + pathname);
  expect(response?.status()).toBe(200);
  // Served with CloudFront's strict CSP: any inline script, style or foreign asset would be refused and logged.
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  return page;
}

describe('link previews', () => {
  it.each([
    ['', 'Data community events', 'website'],
    ['event/data-meetup-2027-01/', 'Data meetup: open source tools for official statistics', 'website'],
    ['tags/meetup/', 'Meetup · Data community events', 'website'],
  ])('%s says its title, description, URL and type to link previews', async (pathname, title, type) => {
    const page = await open(pathname);
    const meta = async (selector: string) => page.locator(selector).getAttribute('content');
    await expect(meta('meta[property="og:title"]')).resolves.toBe(title);
    await expect(meta('meta[property="og:type"]')).resolves.toBe(type);
    await expect(meta('meta[property="og:url"]')).resolves.toBe(base + pathname);
    await expect(meta('meta[property="og:description"]')).resolves.toMatch(/\S{3}/);
    await expect(meta('meta[name="twitter:card"]')).resolves.toBe('summary');
    // Twitter reads title and description from OpenGraph: only the card type is its own.
    await expect(page.locator('meta[name="twitter:title"]').count()).resolves.toBe(0);
  });

  it('gives search engines the event as JSON-LD, read from the rendered page', async () => {
    const page = await open('event/data-meetup-2027-01/');
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) as string);
    expect(data).toMatchObject({
      '@type': 'Event',
      name: 'Data meetup: open source tools for official statistics',
      startDate: '2027-01-14T18:30:00+01:00',
      location: { '@type': 'Place' },
    });
  });
});

describe('the embeddable widget', () => {
  let host: Server;
  let hostBase: string;
  beforeAll(async () => {
    // Another site (another origin: localhost, not 127.0.0.1, with no CSP of ours), with the snippet the docs show.
    const widget = `${base}embed/?count=3&theme=dark`;
    const hostPage =
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A lab's page</title></head><body><h1>Our lab</h1><p>Come to our events:</p>\n` +
      `<iframe src="${widget}" title="Upcoming events" width="420" height="460" style="border:0" loading="lazy"></iframe>\n` +
      `<iframe name="blocked" src="${base}" title="not embeddable" width="200" height="100"></iframe></body></html>`;
    host = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage),
    );
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostBase = `http://localhost:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(() => host?.close());

  it('shows the next events on another site, each linking to its page and its .ics, in the theme asked', async () => {
    const context = await browser.newContext({
      viewport: { width: 900, height: 700 },
      timezoneId: 'America/New_York',
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(`host: ${e.message}`));
    await page.goto(hostBase);
    const frame = page.frameLocator('iframe[title="Upcoming events"]');
    const shown = frame.locator('.events li:not([hidden]) .what');
    await shown.first().waitFor();
    await expect(shown.allTextContents()).resolves.toEqual([
      'Data meetup: open source tools for official statistics',
      'Webinar: privacy-preserving statistics',
      'Workshop on research software engineering',
    ]);
    await expect(shown.first().getAttribute('href')).resolves.toBe(`${base}event/data-meetup-2027-01/`);
    await expect(frame.locator('.events li:not([hidden]) .ics').first().getAttribute('href')).resolves.toBe(
      `${base}event/data-meetup-2027-01.ics`,
    );
    await expect(frame.locator('.events li:not([hidden]) .badge').allTextContents()).resolves.toEqual(['Cancelled']);
    await expect(frame.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    const background = await frame
      .locator('html')
      .evaluate((h) => h.ownerDocument.defaultView?.getComputedStyle(h).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    // Keyboard: Tab from the host page reaches the widget's links, in order, with a visible focus.
    await page.locator('iframe[title="Upcoming events"]').focus();
    await page.keyboard.press('Tab');
    const focused = await frame.locator(':focus').textContent();
    expect(focused).toBe('Data community events: Upcoming events');
    // The site's other pages refuse to be framed (frame-ancestors 'none').
    const blocked = page.frames().find((f) => f.name() === 'blocked');
    expect(blocked).toBeDefined();
    expect(
      await blocked
        ?.locator('header.site')
        .count()
        .catch(() => 0),
    ).toBe(0); // Chromium shows its own error page instead
    // ...while the same page opened directly has it: the check above can fail.
    const direct = await context.newPage();
    await direct.goto(base);
    expect(await direct.locator('header.site').count()).toBe(1);
    await page.screenshot({
      path: path.join(SHOTS, 'embed-on-host.png'),
      clip: { x: 0, y: 0, width: 440, height: 580 },
    }); // docs/embed.png
    await context.close();
  });

  it('is accessible to screen readers: a titled frame, a heading, a list, links that say what they do', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}embed/tags/meetup/`);
    expect(await page.locator('main').getAttribute('aria-labelledby')).toBe('embed-title');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Data community events: Meetup');
    await expect(page.getByRole('list').getByRole('listitem').count()).resolves.toBe(1);
    await expect(
      page.getByRole('link', { name: 'Download .ics: Data meetup: open source tools for official statistics' }).count(),
    ).resolves.toBe(1);
    await context.close();
  });
});

describe('the index', () => {
  it('lists upcoming events soonest first, then past ones', async () => {
    const page = await open('');
    const upcoming = await page.locator('#upcoming + ol .what').allTextContents();
    expect(upcoming).toEqual([
      'Data meetup: open source tools for official statistics',
      'Webinar: privacy-preserving statistics',
      'Workshop on research software engineering',
      'Closing day of season 2 of the 10% programme',
      'Open Data Days 2027',
    ]);
    expect(await page.locator('#past + ol .what').allTextContents()).toEqual([
      'Seminar: reproducible pipelines with targets',
    ]);
    await expect(
      page.locator('#upcoming + ol li', { hasText: 'Webinar' }).locator('.badge').textContent(),
    ).resolves.toBe('Cancelled');
  });

  it('subscribe links carry the right URLs, and the copy button copies', async () => {
    const page = await open('');
    const calendar = `${base}calendar.ics`;
    const webcal = calendar.replace('http:', 'webcal:');
    await expect(page.getByRole('link', { name: 'Apple Calendar, Thunderbird' }).getAttribute('href')).resolves.toBe(
      webcal,
    );
    await expect(page.getByRole('link', { name: 'Google Calendar' }).getAttribute('href')).resolves.toBe(
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    );
    await expect(page.getByRole('link', { name: 'Outlook.com' }).getAttribute('href')).resolves.toBe(
      `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(calendar)}&name=${encodeURIComponent('Data community events')}`,
    );
    await expect(page.getByLabel('Calendar URL').inputValue()).resolves.toBe(calendar);
    await page.getByRole('button', { name: 'Copy URL' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard' }).waitFor({ timeout: 5000 });
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(calendar);
    const alternates = await page
      .locator('link[rel=alternate]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('type')));
    expect(alternates).toEqual(
      expect.arrayContaining(['application/rss+xml', 'application/atom+xml', 'application/feed+json']),
    );
    await page.screenshot({ path: path.join(SHOTS, 'index-desktop.png'), fullPage: true });
    const phone = await open('', { width: 390, height: 844 });
    await phone.screenshot({ path: path.join(SHOTS, 'index-phone.png'), fullPage: true });
  });
});

describe('an event page', () => {
  it('shows its agenda, details, local time and add-to-calendar links', async () => {
    const page = await open('event/closing-day-season-2/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Closing day of season 2 of the 10% programme',
    );
    expect(await page.locator('#agenda-title + ul li').allTextContents()).toEqual([
      '14:00–15:00 Project pitches',
      '15:00–16:00 Round table: attracting data talent',
      '16:00–18:00 Closing drinks',
    ]);
    await expect(page.getByRole('link', { name: 'Download .ics' }).getAttribute('href')).resolves.toBe(
      `${base}event/closing-day-season-2.ics`,
    );
    const google = await page.getByRole('link', { name: 'Add to Google Calendar' }).getAttribute('href');
    const params = new URL(google ?? '').searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      action: 'TEMPLATE',
      text: 'Closing day of season 2 of the 10% programme',
      dates: '20270304T130000Z/20270304T170000Z',
      ctz: 'Europe/Paris',
    });
    // The visitor is in New York: the script adds the time there.
    await expect(page.locator('.local').textContent()).resolves.toContain('your time: America/New_York');
    await expect(page.locator('aside.callout').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'event-desktop.png'), fullPage: true });
    const phone = await open('event/closing-day-season-2/', { width: 390, height: 844 });
    await phone.screenshot({ path: path.join(SHOTS, 'event-phone.png'), fullPage: true });
  });
});

describe('a tag page', () => {
  it('lists only the events with that tag', async () => {
    const page = await open('tags/meetup/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tag: Meetup');
    expect(await page.locator('ol.events .what').allTextContents()).toEqual([
      'Data meetup: open source tools for official statistics',
    ]);
    await expect(page.getByLabel('Calendar URL').inputValue()).resolves.toBe(`${base}tags/meetup/calendar.ics`);
  });
});

describe('the whole visit', () => {
  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
