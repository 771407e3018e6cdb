/**
 * lib/edge/viewer-request.js, run as CloudFront Functions runs it: the file's code alone in a fresh
 * context (no Node globals, no module system), called with a viewer-request event.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';

const CODE = readFileSync(path.join(__dirname, '..', '..', '..', 'lib', 'edge', 'viewer-request.js'), 'utf8');
type Handler = (event: unknown) => Promise<Record<string, unknown>>;
const handler = runInNewContext(`${CODE}\n;handler`, {}) as Handler;

/** The event CloudFront passes for `GET <url>`: the path, and the query string parsed as it does. */
function viewerRequest(url: string) {
  const [uri, query = ''] = url.split('?');
  const querystring: Record<string, { value: string; multiValue?: Array<{ value: string }> }> = {};
  for (const pair of query ? query.split('&') : []) {
    const [name, value = ''] = pair.split('=');
    const entry = querystring[name];
    if (!entry) querystring[name] = { value };
    else entry.multiValue = [...(entry.multiValue ?? [{ value: entry.value }]), { value }];
  }
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request: { method: 'GET', uri, querystring, headers: { host: { value: 'events.example.org' } }, cookies: {} },
  };
}

async function outcome(url: string): Promise<string> {
  const result = await handler(viewerRequest(url));
  if ('statusCode' in result) {
    const headers = result.headers as Record<string, { value: string }>;
    return `${result.statusCode} ${headers.location.value}`;
  }
  return `origin ${result.uri as string}`;
}

describe('the viewer-request function', () => {
  it.each([
    ['/', 'origin /index.html'],
    // Never a redirect to another host: `//host/x` in a Location is that host (an open redirect).
    ['//evil.example/x', '301 /evil.example/x/'],
    ['//evil.example', 'origin /evil.example'],
    ['/\\evil.example/x', '301 /evil.example/x/'],
    ['///evil.example/x?a=1', '301 /evil.example/x/?a=1'],
    ['//', 'origin /index.html'],
    ['//calendar.ics', 'origin /calendar.ics'],
    ['/event/a/', 'origin /event/a/index.html'],
    ['/fr/event/a/', 'origin /fr/event/a/index.html'],
    ['/tags/open-source/', 'origin /tags/open-source/index.html'],
    ['/event/a', '301 /event/a/'],
    ['/fr/event/a', '301 /fr/event/a/'],
    ['/tags/x', '301 /tags/x/'],
    ['/calendar.ics', 'origin /calendar.ics'],
    ['/event/a.ics', 'origin /event/a.ics'],
    ['/tags/x/calendar.ics', 'origin /tags/x/calendar.ics'],
    ['/assets/calpub.css', 'origin /assets/calpub.css'],
    ['/event/a/?utm_source=mail', 'origin /event/a/index.html'],
    ['/event/a?utm_source=mail&x=%C3%A9', '301 /event/a/?utm_source=mail&x=%C3%A9'],
    ['/event/a?tag=1&tag=2&flag', '301 /event/a/?tag=1&tag=2&flag'],
    ['/calendar.ics?v=2', 'origin /calendar.ics'],
  ])('%s → %s', async (url, expected) => {
    expect(await outcome(url)).toBe(expected);
  });

  it('keeps the query string of a request it passes on', async () => {
    const result = await handler(viewerRequest('/event/a/?utm_source=mail'));
    expect(result.querystring).toEqual({ utm_source: { value: 'mail' } });
  });

  it('answers a redirect with a status text and a cache lifetime', async () => {
    expect(await handler(viewerRequest('/event/a'))).toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/event/a/' }, 'cache-control': { value: 'public, max-age=86400' } },
    });
  });
});
