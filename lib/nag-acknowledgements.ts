/**
 * Every cdk-nag AwsSolutions finding this stack accepts, in one place, each on the constructs it
 * concerns and with the reason it is safe. Any other finding fails the synth.
 */
import { type Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { CalpubStack } from './calpub-stack';

/** One accepted finding (or rule) on some constructs. */
interface Acknowledgement {
  readonly ids: readonly string[];
  readonly reason: string;
  readonly on: (stack: CalpubStack) => IConstruct[];
}

/** The functions CDK itself adds for custom resources (deployment, notifications, auto-delete, SDK calls). */
function cdkManagedFunctions(stack: Stack): IConstruct[] {
  return stack.node.children.filter((c) =>
    /^(Custom::CDKBucketDeployment|BucketNotificationsHandler|AWS679f53fac002430cb0da5b7982bd2287|Custom::S3AutoDeleteObjectsCustomResourceProvider)/.test(
      c.node.id,
    ),
  );
}

const BASIC_EXECUTION =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
const BUCKET_GRANTS = [
  'Action::s3:Abort*',
  'Action::s3:DeleteObject*',
  'Action::s3:GetBucket*',
  'Action::s3:GetObject*',
  'Action::s3:List*',
].map((f) => `AwsSolutions-IAM5[${f}]`);

export const ACKNOWLEDGEMENTS: readonly Acknowledgement[] = [
  {
    ids: [BASIC_EXECUTION],
    reason:
      'AWSLambdaBasicExecutionRole grants only writes to CloudWatch Logs; used by the publish function and by the functions CDK adds for its custom resources.',
    on: (stack) => [stack.pipeline.function, ...cdkManagedFunctions(stack)],
  },
  {
    ids: [
      ...BUCKET_GRANTS,
      'AwsSolutions-IAM5[Resource::<ContentBucketDD05A3B9.Arn>/*]',
      'AwsSolutions-IAM5[Resource::<ContentBucketDD05A3B9.Arn>/_calpub/*]',
      'AwsSolutions-IAM5[Resource::<SiteBucket978D4AEB.Arn>/*]',
    ],
    reason:
      'The publish function reads every object of the content bucket (the pages) and writes or deletes only its private folder there (_calpub/*: its state and report); it writes and deletes every object of the site bucket (every output), and nothing else: the wildcards are object-level within those two named buckets, from CDK grantRead/grantPut/grantDelete (tested on the template).',
    on: (stack) => [stack.pipeline.function],
  },
  {
    ids: [
      ...BUCKET_GRANTS,
      'AwsSolutions-IAM5[Resource::<ContentBucketDD05A3B9.Arn>/*]',
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<ACCOUNT>-<REGION>/*]',
    ],
    reason:
      "CDK's BucketDeployment copies the content asset from the CDK assets bucket into the content bucket: object-level wildcards within those two buckets.",
    on: (stack) => cdkManagedFunctions(stack),
  },
  {
    ids: ['AwsSolutions-L1'],
    reason:
      "The publish function is pinned to Node.js 22, the runtime it is tested on (the AWS SDK v3 it uses is the runtime's own); the other functions are CDK-managed custom-resource handlers whose runtime CDK chooses.",
    on: (stack) => [stack.pipeline.function, ...cdkManagedFunctions(stack)],
  },
  {
    ids: ['AwsSolutions-CFR1'],
    reason: 'Public event calendars are meant for anyone, anywhere: no geo restriction.',
    on: (stack) => [stack.site.distribution],
  },
  {
    ids: ['AwsSolutions-CFR2'],
    reason:
      'A static, read-only site of public files with no forms and no API: AWS WAF would cost monthly and protect nothing; CloudFront absorbs floods.',
    on: (stack) => [stack.site.distribution],
  },
  {
    ids: ['AwsSolutions-CFR3'],
    reason:
      "CloudFront access logs would record every subscriber's IP address at every calendar poll: not logging is the privacy-respecting default (S3 access logs keep the origin side).",
    on: (stack) => [stack.site.distribution],
  },
  {
    ids: ['AwsSolutions-CFR4'],
    reason:
      'Without a custom domain the distribution serves the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; with a custom domain TLSv1.2_2021 is set.',
    on: (stack) => [stack.site.distribution],
  },
];

/** Applies every acknowledgement to its constructs. */
export function acknowledgeFindings(stack: CalpubStack): void {
  // cdk-nag names the CDK assets bucket with the stack's account and region, or their pseudo-parameters.
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  for (const ack of ACKNOWLEDGEMENTS) {
    for (const construct of ack.on(stack)) {
      for (const id of ack.ids)
        Validations.of(construct).acknowledge({
          id: `AwsSolutions::${id.replace('<ACCOUNT>', account).replace('<REGION>', region)}`,
          reason: ack.reason,
        });
    }
  }
}
