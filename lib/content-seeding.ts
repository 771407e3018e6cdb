/**
 * Publishes `content/` on every deploy, then asks for a rebuild, so the site is never empty after
 * `cdk deploy` and reflects the deployed content.
 */
import * as path from 'node:path';
import { Fn } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Props of {@link ContentSeeding}. */
export interface ContentSeedingProps {
  readonly contentBucket: s3.IBucket;
  readonly queue: sqs.IQueue;
  /** Folder to upload (relative to the project root). */
  readonly contentFolder: string;
  /** Changes whenever a deploy should trigger a rebuild (the handler's code, for instance). */
  readonly rebuildToken: string;
}

/** Content upload and the first build. */
export class ContentSeeding extends Construct {
  public readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: ContentSeedingProps) {
    super(scope, id);
    const folder = path.join(__dirname, '..', props.contentFolder);
    this.deployment = new s3deploy.BucketDeployment(this, 'Upload', {
      sources: [s3deploy.Source.asset(folder)],
      destinationBucket: props.contentBucket,
      // Not pruned: pages pushed straight to the bucket (aws s3 cp) survive a deploy. Remove a page
      // with `aws s3 rm`, or delete it from content/ and the bucket.
      prune: false,
      // Keeps the private state folder out of reach of the deployment.
      exclude: ['_calpub/*'],
      retainOnDelete: false,
      memoryLimit: 256,
    });
    // The message changes with the uploaded content and with the handler's code, so every deploy
    // that changes either runs a rebuild.
    const message = Fn.join('', [
      '{"reason":"deploy","content":"',
      Fn.join(',', this.deployment.objectKeys),
      '","code":"',
      props.rebuildToken,
      '"}',
    ]);
    const send: cr.AwsSdkCall = {
      service: 'SQS',
      action: 'sendMessage',
      parameters: { QueueUrl: props.queue.queueUrl, MessageBody: message },
      physicalResourceId: cr.PhysicalResourceId.of('calpub-first-build'),
    };
    const firstBuild = new cr.AwsCustomResource(this, 'FirstBuild', {
      onCreate: send,
      onUpdate: send,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.queue.queueArn] }),
      ]),
      installLatestAwsSdk: false,
    });
    firstBuild.node.addDependency(this.deployment);
  }
}
