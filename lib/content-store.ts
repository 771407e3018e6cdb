/**
 * The content bucket (private, versioned, encrypted, TLS-only) and the queue its Markdown and config
 * notifications go to (SSE-SQS, TLS-only, with a dead-letter queue).
 */
import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PRIVATE_BUCKET } from './private-bucket';

/** Props of {@link ContentStore}. */
export interface ContentStoreProps {
  /** Bucket that receives the server access logs. */
  readonly accessLogs: s3.IBucket;
  /**
   * Visibility timeout of the queue: at least 6× the function's timeout (AWS's advice for SQS sources).
   */
  readonly visibilityTimeout: Duration;
  /**
   * Receives before a message goes to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

/** Where organisers push Markdown, and the queue that tells the rebuild. */
export class ContentStore extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly queue: sqs.Queue;
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ContentStoreProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'content/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
    });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Rebuilds', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    const destination = new s3n.SqsDestination(this.queue);
    for (const event of [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED]) {
      for (const suffix of ['.md', '.markdown', 'calpub.yaml'])
        this.bucket.addEventNotification(event, destination, { suffix });
    }
  }
}
