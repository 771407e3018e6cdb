/**
 * The distribution of the template, served on 127.0.0.1 over HTTP: the behaviour whose path pattern
 * matches, its viewer-request function run on the request (the template's code), the S3 origin (the
 * local site bucket), the error responses, the response headers policy, compression. Not emulated:
 * HTTPS and its redirect, caching (every request reaches the origin, so invalidations have nothing
 * to do), geography.
 */
import { GetObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { BehaviorModel, DistributionModel } from './stack-model';
import { policyHeaders } from './response-headers';

type Headers = Record<string, string>;
interface Reply {
  status: number;
  headers: Headers;
  body: Buffer;
}
type ViewerFunction = (event: unknown) => Promise<Record<string, unknown>>;

/** Serves `distribution` from `bucket` until closed. */
export async function serveDistribution(
  distribution: DistributionModel,
  s3: S3Client,
  bucket: string,
  port: number,
): Promise<Server> {
  const functions = new Map<string, ViewerFunction>();
  const functionOf = (code: string) => {
    let fn = functions.get(code);
    if (!fn) functions.set(code, (fn = runInNewContext(`${code}\n;handler`, { console }) as ViewerFunction));
    return fn;
  };
  const origin = (key: string, conditions: Headers) => fromOrigin(s3, bucket, key, conditions);
  const server = createServer((req, res) => {
    handle(req, distribution, functionOf, origin).then(
      (reply) => send(res, req, reply),
      (err: Error) =>
        send(res, req, {
          status: 502,
          headers: { 'content-type': 'text/plain' },
          body: Buffer.from(`calpub emulate: ${err.message}\n`),
        }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

async function handle(
  req: IncomingMessage,
  distribution: DistributionModel,
  functionOf: (code: string) => ViewerFunction,
  origin: (key: string, conditions: Headers) => Promise<Reply>,
): Promise<Reply> {
  // The request line's path as CloudFront gets it: `//x` is a path here, not another host.
  const url = new URL(`http://localhost${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? ''}`);
  const behavior = behaviorFor(distribution, url.pathname);
  const method = req.method ?? 'GET';
  if (!behavior.allowedMethods.includes(method)) {
    return {
      status: 403,
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from(
        'This distribution is not configured to allow the HTTP request method that was used for this request.\n',
      ),
    };
  }
  let uri = url.pathname;
  if (behavior.viewerRequest) {
    const result = await functionOf(behavior.viewerRequest)(viewerEvent(req, url));
    if ('statusCode' in result) return withPolicy(functionResponse(result), behavior, req);
    uri = String(result.uri);
  }
  if (uri === '/' && distribution.defaultRootObject) uri = `/${distribution.defaultRootObject}`;
  const conditions: Headers = {};
  for (const name of ['if-none-match', 'if-modified-since'])
    if (typeof req.headers[name] === 'string') conditions[name] = req.headers[name] as string;
  const key = decodedKey(uri);
  if (key === null)
    return {
      status: 400,
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from('Bad Request: the path is not valid percent-encoding\n'),
    };
  let reply = await origin(key, conditions);
  const error = distribution.errorResponses.find((e) => e.errorCode === reply.status);
  if (error?.pagePath) {
    const page = await origin(decodeURIComponent(error.pagePath.slice(1)), {});
    if (page.status === 200) reply = { ...page, status: error.responseCode };
  }
  return withPolicy(compressed(reply, behavior, req), behavior, req);
}

/** The S3 key of a path (percent-decoded, without its leading `/`), or null when its encoding is broken. */
function decodedKey(uri: string): string | null {
  try {
    return decodeURIComponent(uri.slice(1));
  } catch {
    return null;
  }
}

/** The behaviour of a path: the first pattern that matches (CloudFront's `*` and `?`), else the default. */
function behaviorFor(distribution: DistributionModel, pathname: string): BehaviorModel {
  const matches = (pattern: string) => {
    const regex = pattern
      .replace(/^\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp(`^${regex}$`).test(pathname.replace(/^\//, ''));
  };
  return distribution.behaviors.find((b) => b.pathPattern === null || matches(b.pathPattern)) as BehaviorModel;
}

/** The event a viewer-request function receives: query string names and values as sent (encoded). */
function viewerEvent(req: IncomingMessage, url: URL) {
  const querystring: Record<string, { value: string; multiValue?: Array<{ value: string }> }> = {};
  for (const pair of url.search.slice(1).split('&').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    const entry = querystring[name];
    if (!entry) querystring[name] = { value };
    else entry.multiValue = [...(entry.multiValue ?? [{ value: entry.value }]), { value }];
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => [k, { value: v as string }]),
  );
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: req.socket.remoteAddress ?? '127.0.0.1' },
    request: { method: req.method, uri: url.pathname, querystring, headers, cookies: {} },
  };
}

function functionResponse(result: Record<string, unknown>): Reply {
  const headers = Object.fromEntries(
    Object.entries((result.headers ?? {}) as Record<string, { value: string }>).map(([k, v]) => [k, v.value]),
  );
  const body =
    typeof result.body === 'string' ? result.body : ((result.body as { data?: string } | undefined)?.data ?? '');
  return { status: Number(result.statusCode), headers, body: Buffer.from(body) };
}

/** GET from the site bucket; S3's status on failure (404 for a missing key, 304 for a met condition). */
async function fromOrigin(s3: S3Client, bucket: string, key: string, conditions: Headers): Promise<Reply> {
  try {
    const object = await s3.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        IfNoneMatch: conditions['if-none-match'],
        IfModifiedSince: conditions['if-modified-since'] ? new Date(conditions['if-modified-since']) : undefined,
      }),
    );
    const headers: Headers = { 'content-type': object.ContentType ?? 'binary/octet-stream' };
    if (object.CacheControl) headers['cache-control'] = object.CacheControl;
    if (object.ETag) headers.etag = object.ETag;
    if (object.LastModified) headers['last-modified'] = object.LastModified.toUTCString();
    return { status: 200, headers, body: Buffer.from((await object.Body?.transformToByteArray()) ?? []) };
  } catch (err) {
    if (!(err instanceof S3ServiceException) || !err.$metadata.httpStatusCode) throw err;
    const status = err.$metadata.httpStatusCode;
    return {
      status,
      headers: status === 304 ? {} : { 'content-type': 'application/xml' },
      body: Buffer.from(status === 304 ? '' : `<Error><Code>${err.name}</Code></Error>`),
    };
  }
}

/** CloudFront compresses what a viewer accepts, from 1,000 bytes, for the types it compresses. */
function compressed(reply: Reply, behavior: BehaviorModel, req: IncomingMessage): Reply {
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const type = reply.headers['content-type'] ?? '';
  const compressible =
    /^(text\/|application\/(json|xml|javascript|rss\+xml|atom\+xml|feed\+json|schema\+json)|image\/svg\+xml)/.test(
      type,
    );
  if (!behavior.compress || !accepts || !compressible || reply.body.length < 1000 || reply.status !== 200) return reply;
  return {
    ...reply,
    headers: { ...reply.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
    body: gzipSync(reply.body),
  };
}

function withPolicy(reply: Reply, behavior: BehaviorModel, req: IncomingMessage): Reply {
  if (!behavior.responseHeaders) return reply;
  return {
    ...reply,
    headers: policyHeaders(
      behavior.responseHeaders,
      reply.headers,
      typeof req.headers.origin === 'string' ? req.headers.origin : null,
    ),
  };
}

function send(res: ServerResponse, req: IncomingMessage, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}
