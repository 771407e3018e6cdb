/**
 * The subscribe site in a real browser (Debian chromium through playwright-core), served by the same
 * local server as `npm start`. Screenshots go to test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
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
  await runBuild({ source: contentFolder(path.join(ROOT, 'content')), out, now: NOW, report: null, strict: true, siteUrl: base, log: () => undefined, progress: () => undefined });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], // playwright gives each launch a new empty profile
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
    expect(await page.locator('#past + ol .what').allTextContents()).toEqual(['Seminar: reproducible pipelines with targets']);
    await expect(page.locator('#upcoming + ol li', { hasText: 'Webinar' }).locator('.badge').textContent()).resolves.toBe('Cancelled');
  });

  it('subscribe links carry the right URLs, and the copy button copies', async () => {
    const page = await open('');
    const calendar = `${base}calendar.ics`;
    const webcal = calendar.replace('http:', 'webcal:');
    await expect(page.getByRole('link', { name: 'Apple Calendar, Thunderbird' }).getAttribute('href')).resolves.toBe(webcal);
    await expect(page.getByRole('link', { name: 'Google Calendar' }).getAttribute('href')).resolves.toBe(`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`);
    await expect(page.getByRole('link', { name: 'Outlook.com' }).getAttribute('href')).resolves.toBe(
      `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(calendar)}&name=${encodeURIComponent('Data community events')}`,
    );
    await expect(page.getByLabel('Calendar URL').inputValue()).resolves.toBe(calendar);
    await page.getByRole('button', { name: 'Copy URL' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard' }).waitFor({ timeout: 5000 });
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(calendar);
    const alternates = await page.locator('link[rel=alternate]').evaluateAll((links) => links.map((l) => l.getAttribute('type')));
    expect(alternates).toEqual(expect.arrayContaining(['application/rss+xml', 'application/atom+xml', 'application/feed+json']));
    await page.screenshot({ path: path.join(SHOTS, 'index-desktop.png'), fullPage: true });
    const phone = await open('', { width: 390, height: 844 });
    await phone.screenshot({ path: path.join(SHOTS, 'index-phone.png'), fullPage: true });
  });
});

describe('an event page', () => {
  it('shows its agenda, details, local time and add-to-calendar links', async () => {
    const page = await open('event/closing-day-season-2/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Closing day of season 2 of the 10% programme');
    expect(await page.locator('#agenda-title + ul li').allTextContents()).toEqual([
      '14:00–15:00 Project pitches',
      '15:00–16:00 Round table: attracting data talent',
      '16:00–18:00 Closing drinks',
    ]);
    await expect(page.getByRole('link', { name: 'Download .ics' }).getAttribute('href')).resolves.toBe(`${base}event/closing-day-season-2.ics`);
    const google = await page.getByRole('link', { name: 'Add to Google Calendar' }).getAttribute('href');
    const params = new URL(google ?? '').searchParams;
    expect(Object.fromEntries(params)).toMatchObject({ action: 'TEMPLATE', text: 'Closing day of season 2 of the 10% programme', dates: '20270304T130000Z/20270304T170000Z', ctz: 'Europe/Paris' });
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
    expect(await page.locator('ol.events .what').allTextContents()).toEqual(['Data meetup: open source tools for official statistics']);
    await expect(page.getByLabel('Calendar URL').inputValue()).resolves.toBe(`${base}tags/meetup/calendar.ics`);
  });
});

describe('the whole visit', () => {
  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
