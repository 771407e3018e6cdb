/**
 * The whole pipeline: content bucket → queue → publish function → site bucket → CloudFront, with
 * the hourly schedule, the content upload and first build, alarms and the stack outputs.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { CalpubConfig } from './config';
import { ContentSeeding } from './content-seeding';
import { ContentStore } from './content-store';
import { FUNCTION_TIMEOUT, RebuildPipeline } from './rebuild-pipeline';
import { PRIVATE_BUCKET } from './private-bucket';
import { SiteDelivery } from './site-delivery';

/** Props of {@link CalpubStack}. */
export interface CalpubStackProps extends StackProps {
  readonly config: CalpubConfig;
  /**
   * Prebuilt handler code instead of bundling (tests only).
   * @default the handler bundled with esbuild
   */
  readonly handlerCode?: lambda.Code;
}

/** calpub on AWS. */
export class CalpubStack extends Stack {
  public readonly content: ContentStore;
  public readonly site: SiteDelivery;
  public readonly pipeline: RebuildPipeline;
  public readonly seeding: ContentSeeding;
  public readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: CalpubStackProps) {
    super(scope, id, props);
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    this.content = new ContentStore(this, 'Content', {
      accessLogs: this.accessLogs,
      visibilityTimeout: Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6 + 300),
    });
    this.site = new SiteDelivery(this, 'Site', { accessLogs: this.accessLogs, domain: props.config.domain });
    this.pipeline = new RebuildPipeline(this, 'Rebuild', {
      contentBucket: this.content.bucket,
      siteBucket: this.site.bucket,
      queue: this.content.queue,
      deadLetterQueue: this.content.deadLetterQueue,
      siteUrl: this.site.siteUrl,
      distributionId: this.site.distribution.distributionId,
      distributionArn: this.formatArn({
        service: 'cloudfront',
        region: '',
        resource: 'distribution',
        resourceName: this.site.distribution.distributionId,
      }),
      logRetentionDays: props.config.logRetentionDays,
      schedule: props.config.schedule,
      code: props.handlerCode,
    });
    this.seeding = new ContentSeeding(this, 'Seed', {
      contentBucket: this.content.bucket,
      queue: this.content.queue,
      contentFolder: props.config.contentFolder,
      rebuildToken: this.pipeline.function.currentVersion.version,
    });

    const url = this.site.siteUrl;
    new CfnOutput(this, 'SiteUrl', { value: url, description: 'The site' });
    new CfnOutput(this, 'CalendarUrl', { value: `${url}calendar.ics`, description: 'Calendar (https)' });
    new CfnOutput(this, 'WebcalUrl', {
      value: `${url.replace(/^https:/, 'webcal:')}calendar.ics`,
      description: 'Subscribe in Apple Calendar, Thunderbird, Outlook',
    });
    new CfnOutput(this, 'RssUrl', { value: `${url}rss.xml`, description: 'RSS feed' });
    new CfnOutput(this, 'AtomUrl', { value: `${url}atom.xml`, description: 'Atom feed' });
    new CfnOutput(this, 'ScheduleUrl', { value: `${url}schedule.json`, description: 'JSON schedule' });
    new CfnOutput(this, 'ContentBucketName', {
      value: this.content.bucket.bucketName,
      description: 'Push Markdown here: aws s3 cp my-event.md s3://<name>/event/my-event/index.md',
    });
  }
}
