/**
 * The one CloudFront API call the function makes, CreateInvalidation, answered on 127.0.0.1 (the
 * function's SDK is pointed here with `AWS_ENDPOINT_URL_CLOUDFRONT`). The emulated distribution keeps
 * no cache, so an invalidation is recorded and reported, not acted on.
 */
import { createServer, type Server } from 'node:http';

/** A running API endpoint and the invalidations it received. */
export interface CloudFrontApi {
  readonly endpoint: string;
  readonly invalidations: string[][];
  close(): Promise<void>;
}

/** Starts the endpoint; `onInvalidation` hears each batch of paths. */
export async function startCloudFrontApi(onInvalidation: (paths: string[]) => void): Promise<CloudFrontApi> {
  const invalidations: string[][] = [];
  let count = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const match = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res
          .writeHead(400, { 'content-type': 'text/xml' })
          .end('<ErrorResponse><Error><Code>InvalidArgument</Code></Error></ErrorResponse>');
        return;
      }
      const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]);
      const reference = /<CallerReference>([^<]*)<\/CallerReference>/.exec(body)?.[1] ?? '';
      invalidations.push(paths);
      onInvalidation(paths);
      const id = `I${String(++count).padStart(13, '0')}`;
      res
        .writeHead(201, {
          'content-type': 'text/xml',
          location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${match[1]}/invalidation/${id}`,
        })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>${id}</Id><Status>Completed</Status>` +
            `<CreateTime>${new Date().toISOString()}</CreateTime><InvalidationBatch><Paths><Quantity>${paths.length}</Quantity>` +
            `<Items>${paths.map((p) => `<Path>${p}</Path>`).join('')}</Items></Paths><CallerReference>${reference}</CallerReference></InvalidationBatch></Invalidation>`,
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    invalidations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
