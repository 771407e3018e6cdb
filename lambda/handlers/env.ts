/**
 * The Lambda's environment contract, validated once at cold start. Every problem is reported at once,
 * each naming its variable.
 */

/** Validated environment. */
export interface PublishEnv {
  readonly contentBucket: string;
  readonly siteBucket: string;
  /** `''` or a prefix ending with `/`. */
  readonly contentPrefix: string;
  readonly siteUrl?: string;
  readonly distributionId?: string;
  readonly s3Endpoint?: string;
  readonly region?: string;
}

/** A missing or malformed environment variable. */
export class EnvError extends Error {
  override name = 'EnvError';
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Reads and checks the environment; throws EnvError naming every bad variable. */
export function readEnv(env: NodeJS.ProcessEnv): PublishEnv {
  const problems: string[] = [];
  const bucket = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required (the name of an S3 bucket)`);
    else if (!BUCKET.test(value)) problems.push(`${name} ${JSON.stringify(value)} is not a valid S3 bucket name`);
    return value ?? '';
  };
  const url = (name: string): string | undefined => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    try {
      const parsed = new URL(value);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error();
      return parsed.href;
    } catch {
      problems.push(`${name} ${JSON.stringify(value)} is not an absolute http(s) URL`);
      return undefined;
    }
  };
  const contentBucket = bucket('CONTENT_BUCKET');
  const siteBucket = bucket('SITE_BUCKET');
  const rawPrefix = env.CONTENT_PREFIX?.trim() ?? '';
  if (rawPrefix.startsWith('/') || rawPrefix.includes('..'))
    problems.push(`CONTENT_PREFIX ${JSON.stringify(rawPrefix)} must be a relative key prefix such as \`content/\``);
  const contentPrefix = rawPrefix && !rawPrefix.endsWith('/') ? `${rawPrefix}/` : rawPrefix;
  const distributionId = env.DISTRIBUTION_ID?.trim() || undefined;
  if (distributionId && !/^[A-Z0-9]{8,20}$/.test(distributionId))
    problems.push(`DISTRIBUTION_ID ${JSON.stringify(distributionId)} is not a CloudFront distribution id`);
  const result: PublishEnv = {
    contentBucket,
    siteBucket,
    contentPrefix,
    siteUrl: url('SITE_URL'),
    distributionId,
    s3Endpoint: url('S3_ENDPOINT'),
    region: env.AWS_REGION?.trim() || undefined,
  };
  if (!result.s3Endpoint && !result.region)
    problems.push('AWS_REGION is required (Lambda sets it; set it yourself elsewhere)');
  if (problems.length) throw new EnvError(`calpub publish: bad environment: ${problems.join('; ')}`);
  return result;
}
