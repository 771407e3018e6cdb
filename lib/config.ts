/**
 * The stack's configuration, read from `cdk.json` context (or `-c key=value`), typed and validated:
 * every problem is reported at once, each naming its key. No context at all deploys the defaults.
 */

/** Optional custom domain: all four keys or none. No lookups: the zone is given by id and name. */
export interface CustomDomain {
  /** e.g. `events.example.org` */
  readonly domainName: string;
  /** ACM certificate in us-east-1 covering `domainName`. */
  readonly certificateArn: string;
  readonly hostedZoneId: string;
  readonly hostedZoneName: string;
}

/** Validated configuration of the calpub stack. */
export interface CalpubConfig {
  /**
   * Folder uploaded to the content bucket on every deploy.
   * @default 'content'
   */
  readonly contentFolder: string;
  /**
   * Days to keep the function's logs.
   * @default 30
   */
  readonly logRetentionDays: number;
  /**
   * Rebuild hourly so `publishDate`/`expiryDate` take effect without an edit.
   * @default true
   */
  readonly schedule: boolean;
  /** @default none: the CloudFront domain */
  readonly domain: CustomDomain | null;
}

/** A context value that cannot be used, named. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const RETENTIONS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Reads the configuration.
 * @param context - `key → value` as `node.tryGetContext` gives them (strings from `-c`, JSON from cdk.json)
 */
export function readConfig(context: (key: string) => unknown): CalpubConfig {
  const problems: string[] = [];
  const text = (key: string, fallback: string | null): string | null => {
    const v = context(key);
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v !== 'string') {
      problems.push(`context \`${key}\` must be text`);
      return fallback;
    }
    return v.trim();
  };
  const contentFolder = text('contentFolder', 'content') as string;
  if (contentFolder.includes('..') || contentFolder.startsWith('/'))
    problems.push('context `contentFolder` must be a folder inside the project, such as `content`');

  const rawRetention = context('logRetentionDays');
  const logRetentionDays = rawRetention === undefined ? 30 : Number(rawRetention);
  if (!RETENTIONS.includes(logRetentionDays))
    problems.push(
      `context \`logRetentionDays\` must be one of ${RETENTIONS.join(', ')} (CloudWatch Logs retention periods), not ${JSON.stringify(rawRetention)}`,
    );

  const rawSchedule = context('schedule');
  let schedule = true;
  if (rawSchedule !== undefined) {
    if (rawSchedule === true || rawSchedule === 'true') schedule = true;
    else if (rawSchedule === false || rawSchedule === 'false') schedule = false;
    else problems.push(`context \`schedule\` must be true or false, not ${JSON.stringify(rawSchedule)}`);
  }

  const domainKeys = ['domainName', 'certificateArn', 'hostedZoneId', 'hostedZoneName'] as const;
  const values = Object.fromEntries(domainKeys.map((k) => [k, text(k, null)])) as Record<
    (typeof domainKeys)[number],
    string | null
  >;
  const given = domainKeys.filter((k) => values[k] !== null);
  let domain: CustomDomain | null = null;
  if (given.length > 0 && given.length < domainKeys.length) {
    problems.push(
      `a custom domain needs all of ${domainKeys.map((k) => `\`${k}\``).join(', ')}; missing: ${domainKeys
        .filter((k) => values[k] === null)
        .map((k) => `\`${k}\``)
        .join(', ')}`,
    );
  } else if (given.length === domainKeys.length) {
    const { domainName, certificateArn, hostedZoneId, hostedZoneName } = values as Record<
      (typeof domainKeys)[number],
      string
    >;
    if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(domainName))
      problems.push(`context \`domainName\` ${JSON.stringify(domainName)} is not a domain name`);
    if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(certificateArn)) {
      problems.push(
        'context `certificateArn` must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)',
      );
    }
    if (!/^Z[A-Z0-9]{4,31}$/.test(hostedZoneId))
      problems.push(`context \`hostedZoneId\` ${JSON.stringify(hostedZoneId)} is not a Route 53 hosted zone id`);
    const zone = hostedZoneName.replace(/\.$/, '');
    if (!domainName.endsWith(zone))
      problems.push(`context \`domainName\` ${domainName} is not inside \`hostedZoneName\` ${zone}`);
    domain = { domainName, certificateArn, hostedZoneId, hostedZoneName: zone };
  }
  if (problems.length) throw new ConfigError(`calpub stack configuration: ${problems.join('; ')}`);
  return { contentFolder, logRetentionDays, schedule, domain };
}
