import { CONTENT_PRIVATE_FOLDER } from '../../lib/rebuild-pipeline';
import { PRIVATE_PREFIX } from '../../lambda/handlers/rebuild';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CalpubStack } from '../../lib/calpub-stack';
import { ConfigError, readConfig } from '../../lib/config';
import { acknowledgeFindings } from '../../lib/nag-acknowledgements';
import { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from '../../lib/site-headers';

const prebuilt = () => lambda.Code.fromAsset(path.join(__dirname, '..', 'fixtures', 'prebuilt'));
// The feature flags of cdk.json, as `cdk synth` applies them.
const FLAGS = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context as Record<
  string,
  unknown
>;

function stackWith(context: Record<string, unknown> = {}, options: { nag?: boolean; acknowledge?: boolean } = {}) {
  const app = new App({ context: { ...FLAGS, ...context, 'aws:cdk:bundling-stacks': [] } });
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stack = new CalpubStack(app, 'Calpub', {
    config,
    handlerCode: prebuilt(),
    env: { account: '123456789012', region: 'eu-west-3' },
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  if (options.acknowledge ?? true) acknowledgeFindings(stack);
  return { app, stack };
}

describe('CalpubStack with no context', () => {
  const { stack } = stackWith();
  const t = Template.fromStack(stack);

  it('has a private, versioned, encrypted, TLS-only content bucket with access logs', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { LogFilePrefix: 'content/' },
    });
    const policies = t.findResources('AWS::S3::BucketPolicy');
    const denies = Object.values(policies).filter((p) => JSON.stringify(p).includes('"aws:SecureTransport":"false"'));
    expect(denies.length).toBeGreaterThanOrEqual(3);
  });

  it('sends .md, .markdown and calpub.yaml creations and removals to the queue', () => {
    const notifications = t.findResources('Custom::S3BucketNotifications');
    const config = JSON.stringify(Object.values(notifications)[0].Properties.NotificationConfiguration);
    for (const suffix of ['.md', '.markdown', 'calpub.yaml'])
      expect(config).toContain(`"Name":"suffix","Value":"${suffix}"`);
    expect(config).toContain('s3:ObjectCreated:*');
    expect(config).toContain('s3:ObjectRemoved:*');
  });

  it('has an SSE-SQS, TLS-only queue with a bounded dead-letter queue and a visibility timeout of at least 6× the function timeout', () => {
    t.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 2100,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    t.resourceCountIs('AWS::SQS::Queue', 2);
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 300 });
    const queuePolicies = JSON.stringify(t.findResources('AWS::SQS::QueuePolicy'));
    expect(queuePolicies).toContain('"aws:SecureTransport":"false"');
  });

  it('runs the handler on arm64 Node 22 with the env contract and an explicit log group', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: {
        Variables: {
          CONTENT_BUCKET: Match.anyValue(),
          SITE_BUCKET: Match.anyValue(),
          SITE_URL: Match.anyValue(),
          DISTRIBUTION_ID: Match.anyValue(),
          NODE_OPTIONS: '--max-old-space-size=1536',
        },
      },
      MemorySize: 2048,
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('consumes the queue with a batching window and at most 2 concurrent rebuilds', () => {
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 20,
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('rebuilds hourly through the same queue', () => {
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      Target: { Arn: Match.anyValue(), Input: '{"reason":"schedule"}' },
    });
  });

  it('lets the function write and delete only its private folder in the content bucket, and read the rest', () => {
    expect(`${CONTENT_PRIVATE_FOLDER}/`).toBe(PRIVATE_PREFIX);
    const role = Object.values(t.findResources('AWS::IAM::Policy')).find((p) =>
      JSON.stringify(p).includes('cloudfront:CreateInvalidation'),
    ) as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } } };
    const statements = role.Properties.PolicyDocument.Statement;
    const onContent = statements.filter((s) => JSON.stringify(s.Resource).includes('ContentBucket'));
    const writes = onContent.filter((s) => [s.Action].flat().some((a) => /^s3:(Put|Delete|Abort)/.test(a)));
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) {
      // Every write or delete is on objects under _calpub/ only, never on the bucket's pages or their versions.
      expect([s.Action, s.Resource]).toEqual([
        s.Action,
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ContentBucket/), 'Arn'] }, '/_calpub/*']] },
      ]);
    }
    expect(onContent.flatMap((s) => [s.Action].flat())).not.toContain('s3:DeleteObjectVersion');
  });

  it('lets the function invalidate its distribution and nothing else', () => {
    const policies = JSON.stringify(t.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('cloudfront:CreateInvalidation');
    expect(policies).not.toMatch(/"cloudfront:CreateInvalidation","Effect":"Allow","Resource":"\*"/);
  });

  it('serves a private site bucket through CloudFront with OAC, HTTPS redirect, compression, headers, CORS and a plain 404', () => {
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          Compress: true,
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        CacheBehaviors: [
          Match.objectLike({ PathPattern: 'embed/*', ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
          Match.objectLike({ PathPattern: '*/embed/*', ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
          Match.objectLike({ PathPattern: '*.ics', ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
          Match.objectLike({ PathPattern: '*.json', ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
        ],
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
          { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
        ],
      }),
    });
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CorsConfig: Match.objectLike({
          AccessControlAllowOrigins: { Items: ['*'] },
          AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
        }),
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
        }),
      }),
    });
    const bucketPolicies = JSON.stringify(t.findResources('AWS::S3::BucketPolicy'));
    expect(bucketPolicies).toContain('cloudfront.amazonaws.com');
    expect(bucketPolicies).not.toContain('s3:ListBucket');
  });

  it('uploads content/ without pruning, then asks for a build', () => {
    t.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false, Exclude: ['_calpub/*'] });
    const sdkCalls = JSON.stringify(t.findResources('Custom::AWS'));
    expect(sdkCalls).toContain('sendMessage');
    expect(sdkCalls).toContain('reason');
  });

  it('alarms on the dead-letter queue and on function errors', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 1 });
  });

  it('outputs the site, calendar, webcal, feed and schedule URLs and the content bucket', () => {
    const outputs = t.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual([
      'AtomUrl',
      'CalendarUrl',
      'ContentBucketName',
      'RssUrl',
      'ScheduleUrl',
      'SiteUrl',
      'WebcalUrl',
    ]);
    expect(JSON.stringify(outputs.WebcalUrl.Value)).toContain('webcal://');
  });
});

describe('configuration from context', () => {
  it('uses a custom domain with its certificate, TLS 1.2 and alias records', () => {
    const { stack } = stackWith({
      domainName: 'events.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0c4a3e5f-1111-2222-3333-444455556666',
      hostedZoneId: 'Z0123456789ABC',
      hostedZoneName: 'example.org',
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['events.example.org'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
    t.resourceCountIs('AWS::Route53::RecordSet', 2);
    expect(JSON.stringify(t.findOutputs('SiteUrl'))).toContain('https://events.example.org/');
  });

  it('turns the schedule off and sets the log retention', () => {
    const t = Template.fromStack(stackWith({ schedule: 'false', logRetentionDays: '90' }).stack);
    t.resourceCountIs('AWS::Scheduler::Schedule', 0);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('reports every bad key at once, by name', () => {
    const context: Record<string, unknown> = {
      logRetentionDays: '45',
      schedule: 'sometimes',
      domainName: 'events.example.org',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
    };
    expect(() => readConfig((k) => context[k])).toThrow(ConfigError);
    try {
      readConfig((k) => context[k]);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('`logRetentionDays`');
      expect(message).toContain('`schedule`');
      expect(message).toContain('missing: `hostedZoneId`, `hostedZoneName`');
    }
  });
});

describe('folder URLs on CloudFront', () => {
  const t = Template.fromStack(stackWith().stack);

  it('runs lib/edge/viewer-request.js, as written, on viewer requests of the default behaviour only', () => {
    const functions = Object.entries(t.findResources('AWS::CloudFront::Function'));
    expect(functions).toHaveLength(1);
    const [id, fn] = functions[0];
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.Properties.FunctionCode).toBe(
      readFileSync(path.join(__dirname, '..', '..', 'lib', 'edge', 'viewer-request.js'), 'utf8'),
    );
    const config = Object.values(t.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    const directoryIndex = [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [id, 'FunctionARN'] } }];
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual(directoryIndex);
    // The widget's folders too (/embed/ is /embed/index.html); the files' behaviours need none.
    for (const b of config.CacheBehaviors)
      expect([b.PathPattern, b.FunctionAssociations ?? []]).toEqual([
        b.PathPattern,
        b.PathPattern.includes('embed/') ? directoryIndex : [],
      ]);
  });

  it('lets any site frame the widget, and only the widget', () => {
    const config = Object.values(t.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    const policies = t.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const policyOf = (ref: { Ref: string }) =>
      policies[ref.Ref].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      const headers = policyOf(b.ResponseHeadersPolicyId);
      const embeddable = (b.PathPattern ?? '').includes('embed/');
      expect([b.PathPattern, headers.ContentSecurityPolicy.ContentSecurityPolicy]).toEqual([
        b.PathPattern,
        embeddable ? EMBED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
      ]);
      expect([b.PathPattern, headers.FrameOptions?.FrameOption]).toEqual([
        b.PathPattern,
        embeddable ? undefined : 'DENY',
      ]);
    }
    expect(EMBED_CONTENT_SECURITY_POLICY).toContain('frame-ancestors *');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it("sends the site's Content-Security-Policy", () => {
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
        }),
      }),
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('passes with the acknowledgements of lib/nag-acknowledgements.ts', () => {
    const { app } = stackWith({}, { nag: true });
    expect(() => app.synth()).not.toThrow();
  });

  it('fails without them, naming each acknowledged finding (so none is dead)', () => {
    const { app } = stackWith({}, { nag: true, acknowledge: false });
    let message = '';
    try {
      app.synth();
    } catch (err) {
      message = String((err as Error).message);
    }
    for (const id of [
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR3',
      'AwsSolutions-CFR4',
    ]) {
      expect([id, message.includes(id)]).toEqual([id, true]);
    }
  });
});
