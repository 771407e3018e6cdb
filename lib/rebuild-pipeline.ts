/**
 * The rebuild: the publish Lambda (bundled locally by esbuild, arm64, Node 22), fed by the content
 * queue with a batching window, rebuilt hourly by EventBridge Scheduler through the same queue, and
 * watched by alarms on the dead-letter queue and on function errors.
 */
import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The function's private folder in the content bucket: all it may write there. */
export const CONTENT_PRIVATE_FOLDER = '_calpub';

/** The function's timeout; the queue's visibility timeout must be at least 6× this. */
export const FUNCTION_TIMEOUT = Duration.minutes(5);

/** Props of {@link RebuildPipeline}. */
export interface RebuildPipelineProps {
  readonly contentBucket: s3.IBucket;
  readonly siteBucket: s3.IBucket;
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  /** Absolute URL of the published site (the CloudFront or custom domain). */
  readonly siteUrl: string;
  /** CloudFront distribution to invalidate. */
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly logRetentionDays: number;
  /**
   * Rebuild hourly through the queue.
   * @default true
   */
  readonly schedule?: boolean;
  /**
   * Use this code instead of bundling the handler (tests; not for deployment).
   * @default the handler bundled with esbuild
   */
  readonly code?: lambda.Code;
}

/** The Lambda and everything that triggers or watches it. */
export class RebuildPipeline extends Construct {
  public readonly function: lambda.Function;
  public readonly logGroup: logs.LogGroup;
  public readonly schedule?: scheduler.Schedule;
  public readonly deadLetterAlarm: cloudwatch.Alarm;
  public readonly errorAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: RebuildPipelineProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const common = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // 10,000 events peak at ~1.3-1.5 GB (docs/aws.md); V8 sizes its heap from the
      // machine's memory, so it is told how much it may use, leaving room for buffers.
      memorySize: 2048,
      timeout: FUNCTION_TIMEOUT,
      logGroup: this.logGroup,
      environment: {
        CONTENT_BUCKET: props.contentBucket.bucketName,
        SITE_BUCKET: props.siteBucket.bucketName,
        SITE_URL: props.siteUrl,
        DISTRIBUTION_ID: props.distributionId,
        NODE_OPTIONS: '--max-old-space-size=1536',
      },
      description: 'calpub: rebuilds the calendars and feeds from the content bucket',
    };
    const root = path.join(__dirname, '..');
    this.function = props.code
      ? new lambda.Function(this, 'Publish', { ...common, code: props.code, handler: 'index.handler' })
      : new NodejsFunction(this, 'Publish', {
          ...common,
          entry: path.join(root, 'lambda', 'handlers', 'publish.ts'),
          handler: 'handler',
          projectRoot: root,
          depsLockFilePath: path.join(root, 'package-lock.json'),
          bundling: {
            format: OutputFormat.CJS,
            target: 'node22',
            minify: true,
            sourceMap: false,
            // The Node 22 runtime ships AWS SDK v3; bundling it would double the bundle (see README).
            externalModules: ['@aws-sdk/*'],
          },
        });
    // The pages (and every version of them) are the editors': the function reads them and writes only
    // its private folder (state, report), the `PRIVATE_PREFIX` of lambda/handlers/rebuild.ts.
    props.contentBucket.grantRead(this.function);
    props.contentBucket.grantPut(this.function, `${CONTENT_PRIVATE_FOLDER}/*`);
    props.contentBucket.grantDelete(this.function, `${CONTENT_PRIVATE_FOLDER}/*`);
    props.siteBucket.grantReadWrite(this.function);
    props.siteBucket.grantDelete(this.function);
    this.function.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['cloudfront:CreateInvalidation'], resources: [props.distributionArn] }),
    );
    this.function.addEventSource(
      new SqsEventSource(props.queue, {
        // A bulk upload costs a few rebuilds, not one per file: wait up to 20 s for more messages.
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(20),
        // At most two rebuilds at once; they converge through the state's conditional write.
        maxConcurrency: 2,
      }),
    );
    if (props.schedule ?? true) {
      this.schedule = new scheduler.Schedule(this, 'Hourly', {
        schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
        description: 'calpub: hourly rebuild, so publishDate and expiryDate take effect without an edit',
        target: new targets.SqsSendMessage(props.queue, {
          input: scheduler.ScheduleTargetInput.fromObject({ reason: 'schedule' }),
        }),
      });
    }
    // Any failure is worth a look: bad content never fails a rebuild, only infrastructure does.
    const atLeastOne = (id: string, alarmDescription: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, id, {
        alarmDescription,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.deadLetterAlarm = atLeastOne(
      'DeadLetterAlarm',
      'calpub: a rebuild failed repeatedly (messages in the dead-letter queue)',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    );
    this.errorAlarm = atLeastOne(
      'ErrorAlarm',
      'calpub: the publish function failed (storage or CDN errors; bad content never fails it)',
      this.function.metricErrors({ period: Duration.minutes(5) }),
    );
  }
}
