/** CloudFront invalidation of changed paths. */
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { createHash } from 'node:crypto';

/** A function that invalidates paths on one distribution. */
export function invalidator(distributionId: string, region?: string): (paths: string[]) => Promise<void> {
  const client = new CloudFrontClient({ region: region ?? 'us-east-1' });
  return async (paths) => {
    // The caller reference makes a retried invalidation of the same paths idempotent.
    const reference = createHash('sha1')
      .update(paths.join('\n'))
      .update(String(Math.floor(Date.now() / 60_000)))
      .digest('hex');
    await client.send(
      new CreateInvalidationCommand({
        DistributionId: distributionId,
        InvalidationBatch: {
          CallerReference: reference,
          Paths: { Quantity: paths.length, Items: paths.map(encodeURI) },
        },
      }),
    );
  };
}
