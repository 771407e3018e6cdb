/**
 * What `calpub emulate` reproduces, read from the synthesized cloud assembly (`cdk synth`'s output):
 * the publish function (its bundled asset, handler, environment, timeout), the queue and how the
 * function consumes it, the content bucket's notifications, the schedule, the content deployment,
 * and the CloudFront distribution (behaviours, viewer-request functions, response headers policies,
 * error responses). Nothing here is a copy of the stack's settings: a change to lib/ reaches the
 * emulator through the template, or fails here loudly when the emulator does not know its shape.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A CloudFormation value: a literal or an intrinsic function. */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };
type Resource = { Type: string; Properties: Record<string, CfnValue>; Metadata?: Record<string, unknown> };
type Template = { Resources: Record<string, Resource> };

/** The stack, as far as the emulator reproduces it. */
export interface StackModel {
  readonly template: Template;
  readonly contentBucket: string;
  readonly siteBucket: string;
  readonly publish: FunctionModel;
  readonly queue: QueueModel;
  /** The content bucket's notifications to the queue: events (`s3:ObjectCreated:*`) and key suffix. */
  readonly notifications: ReadonlyArray<{ readonly events: readonly string[]; readonly suffix: string }>;
  /** Every `rate(...)` schedule that sends to the queue: its period and message. */
  readonly schedules: ReadonlyArray<{ readonly everyMs: number; readonly message: string }>;
  /** What the deployment uploads to the content bucket and asks for afterwards. */
  readonly seeding: { readonly exclude: readonly string[]; readonly prune: boolean };
  readonly distribution: DistributionModel;
}

export interface FunctionModel {
  /** Logical id in the template. */
  readonly id: string;
  /** The bundled code, as deployed (a folder of the cloud assembly). */
  readonly assetDir: string;
  /** `index.handler`: file `index` of the asset, export `handler`. */
  readonly handler: string;
  readonly runtime: string;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  /** Environment as in the template; values may be intrinsic functions (see `resolveValue`). */
  readonly environment: Readonly<Record<string, CfnValue>>;
}

export interface QueueModel {
  readonly visibilityTimeoutMs: number;
  readonly maxReceiveCount: number;
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly maxConcurrency: number;
}

export interface BehaviorModel {
  /** `*.ics`; null for the default behaviour. */
  readonly pathPattern: string | null;
  readonly allowedMethods: readonly string[];
  readonly compress: boolean;
  /** Code of the viewer-request function, if any. */
  readonly viewerRequest: string | null;
  readonly responseHeaders: ResponseHeadersPolicy | null;
}

/** `ResponseHeadersPolicyConfig` as CloudFormation writes it. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation's own JSON, read key by key as the template has it
export type ResponseHeadersPolicy = Record<string, any>;

export interface DistributionModel {
  readonly defaultRootObject: string | null;
  /** Specific behaviours first, in template order, then the default. */
  readonly behaviors: readonly BehaviorModel[];
  readonly errorResponses: ReadonlyArray<{
    readonly errorCode: number;
    readonly responseCode: number;
    readonly pagePath: string;
  }>;
}

/** Reads the stack of a cloud assembly folder (the only `aws:cloudformation:stack` artifact, or `stackName`). */
export function readStack(assemblyDir: string, stackName?: string): StackModel {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  const stacks = Object.entries(manifest.artifacts).filter(
    ([name, a]) => a.type === 'aws:cloudformation:stack' && (!stackName || name === stackName),
  );
  if (stacks.length !== 1)
    throw new Error(
      `${assemblyDir} holds ${stacks.length} stacks${stackName ? ` named ${stackName}` : ''}; expected one`,
    );
  const [name, artifact] = stacks[0];
  const template = JSON.parse(
    readFileSync(path.join(assemblyDir, artifact.properties?.templateFile ?? `${name}.template.json`), 'utf8'),
  ) as Template;
  const assets = JSON.parse(readFileSync(path.join(assemblyDir, `${name}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string } }>;
  };
  const r = resources(template);
  const notified = only(r('Custom::S3BucketNotifications'), 'bucket notifications');
  const contentBucket = refOf(notified.Properties.BucketName);
  const queueConfigs = (
    notified.Properties.NotificationConfiguration as {
      QueueConfigurations: Array<{
        Events: string[];
        QueueArn: CfnValue;
        Filter?: { Key: { FilterRules: Array<{ Name: string; Value: string }> } };
      }>;
    }
  ).QueueConfigurations;
  const queueId = getAttOf(queueConfigs[0].QueueArn, 'Arn');
  const mapping = only(
    r('AWS::Lambda::EventSourceMapping').filter((m) => getAttOf(m.Properties.EventSourceArn, 'Arn') === queueId),
    'event source mapping of the queue',
  );
  const functionId = refOf(mapping.Properties.FunctionName);
  const distribution = only(r('AWS::CloudFront::Distribution'), 'CloudFront distribution');
  const config = distribution.Properties.DistributionConfig as ResponseHeadersPolicy; // CloudFormation JSON
  const deployment = only(
    r('Custom::CDKBucketDeployment').filter((d) => refOf(d.Properties.DestinationBucketName) === contentBucket),
    'deployment of the content',
  );
  return {
    template,
    contentBucket,
    siteBucket: getAttOf(config.Origins[0].DomainName, 'RegionalDomainName'),
    publish: functionModel(template, functionId, assemblyDir, assets.files),
    queue: queueModel(template.Resources[queueId], mapping),
    notifications: queueConfigs
      .filter((q) => getAttOf(q.QueueArn, 'Arn') === queueId)
      .map((q) => ({
        events: q.Events,
        suffix: q.Filter?.Key.FilterRules.find((f) => f.Name === 'suffix')?.Value ?? '',
      })),
    schedules: r('AWS::Scheduler::Schedule')
      .filter(
        (s) =>
          getAttOf((s.Properties.Target as { Arn: CfnValue }).Arn, 'Arn') === queueId &&
          s.Properties.State !== 'DISABLED',
      )
      .map((s) => ({
        everyMs: rateMs(String(s.Properties.ScheduleExpression)),
        message: String((s.Properties.Target as { Input: string }).Input),
      })),
    seeding: {
      exclude: (deployment.Properties.Exclude as string[] | undefined) ?? [],
      prune: deployment.Properties.Prune !== false,
    },
    distribution: distributionModel(template, config),
  };
}

function functionModel(
  template: Template,
  id: string,
  assemblyDir: string,
  assets: Record<string, { source: { path: string } }>,
): FunctionModel {
  const fn = template.Resources[id];
  const key = String((fn.Properties.Code as { S3Key: string }).S3Key);
  const asset = assets[key.replace(/\.zip$/, '')];
  if (!asset) throw new Error(`the code of ${id} (${key}) is not an asset of the assembly: synthesize with bundling`);
  return {
    id,
    assetDir: path.resolve(assemblyDir, asset.source.path),
    handler: String(fn.Properties.Handler),
    runtime: String(fn.Properties.Runtime),
    timeoutMs: Number(fn.Properties.Timeout ?? 3) * 1000,
    memoryMb: Number(fn.Properties.MemorySize ?? 128),
    environment: (fn.Properties.Environment as { Variables?: Record<string, CfnValue> } | undefined)?.Variables ?? {},
  };
}

function queueModel(queue: Resource, mapping: Resource): QueueModel {
  const redrive = queue.Properties.RedrivePolicy as { maxReceiveCount?: number } | undefined;
  return {
    visibilityTimeoutMs: Number(queue.Properties.VisibilityTimeout ?? 30) * 1000,
    maxReceiveCount: redrive?.maxReceiveCount ?? Infinity,
    batchSize: Number(mapping.Properties.BatchSize ?? 10),
    batchingWindowMs: Number(mapping.Properties.MaximumBatchingWindowInSeconds ?? 0) * 1000,
    maxConcurrency: Number(
      (mapping.Properties.ScalingConfig as { MaximumConcurrency?: number } | undefined)?.MaximumConcurrency ?? 1000,
    ),
  };
}

function distributionModel(template: Template, config: ResponseHeadersPolicy): DistributionModel {
  const behavior = (b: ResponseHeadersPolicy, pathPattern: string | null): BehaviorModel => {
    const viewer = (b.FunctionAssociations ?? []).find((f: { EventType: string }) => f.EventType === 'viewer-request');
    const policyId = b.ResponseHeadersPolicyId;
    return {
      pathPattern,
      allowedMethods: b.AllowedMethods ?? ['GET', 'HEAD'],
      compress: b.Compress === true,
      viewerRequest: viewer
        ? String(template.Resources[getAttOf(viewer.FunctionARN, 'FunctionARN')].Properties.FunctionCode)
        : null,
      responseHeaders: policyId
        ? (template.Resources[refOf(policyId)].Properties.ResponseHeadersPolicyConfig as ResponseHeadersPolicy)
        : null,
    };
  };
  return {
    defaultRootObject: config.DefaultRootObject || null,
    behaviors: [
      ...(config.CacheBehaviors ?? []).map((b: { PathPattern: string }) => behavior(b, b.PathPattern)),
      behavior(config.DefaultCacheBehavior, null),
    ],
    errorResponses: (config.CustomErrorResponses ?? []).map((e: Record<string, unknown>) => ({
      errorCode: Number(e.ErrorCode),
      responseCode: Number(e.ResponseCode ?? e.ErrorCode),
      pagePath: String(e.ResponsePagePath ?? ''),
    })),
  };
}

/**
 * Resolves a template value for this machine: `Ref` and `Fn::GetAtt` through `lookup` (logical id,
 * attribute or null for Ref), `Fn::Join` and literals as they are. Anything else is an error naming it.
 */
export function resolveValue(value: CfnValue, lookup: (id: string, attribute: string | null) => string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && !Array.isArray(value)) {
    if ('Ref' in value) return lookup(String(value.Ref), null);
    if ('Fn::GetAtt' in value) {
      const [id, attribute] = value['Fn::GetAtt'] as string[];
      return lookup(id, attribute);
    }
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'] as [string, CfnValue[]];
      return parts.map((p) => resolveValue(p, lookup)).join(separator);
    }
  }
  throw new Error(`calpub emulate cannot resolve ${JSON.stringify(value)} from the template`);
}

/** `rate(1 hour)`, `rate(5 minutes)` in milliseconds. */
function rateMs(expression: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (!match) throw new Error(`calpub emulate understands rate(...) schedules only, not ${expression}`);
  const unit = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[
    match[2].replace(/s$/, '') as 'minute' | 'hour' | 'day'
  ];
  return Number(match[1]) * unit;
}

function resources(template: Template): (type: string) => Resource[] {
  return (type) => Object.values(template.Resources).filter((r) => r.Type === type);
}

function only<T>(list: readonly T[], what: string): T {
  if (list.length !== 1) throw new Error(`calpub emulate expects one ${what} in the template, found ${list.length}`);
  return list[0];
}

function refOf(value: CfnValue): string {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.Ref === 'string') return value.Ref;
  throw new Error(`expected a Ref, found ${JSON.stringify(value)}`);
}

function getAttOf(value: CfnValue, attribute: string): string {
  const getAtt =
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value['Fn::GetAtt'] as string[] | undefined)
      : undefined;
  if (getAtt?.[1] === attribute) return getAtt[0];
  throw new Error(`expected Fn::GetAtt [..., ${attribute}], found ${JSON.stringify(value)}`);
}
