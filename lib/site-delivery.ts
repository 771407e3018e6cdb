/**
 * The private site bucket and the CloudFront distribution in front of it: Origin Access Control,
 * HTTPS redirect, compression, security headers, CORS on the JSON and calendar files, folder URLs
 * served as their `index.html` (a viewer-request function: lib/edge/viewer-request.js), a plain 404
 * (never an S3 error or listing) for missing paths, optional custom domain.
 */
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { CustomDomain } from './config';
import { PRIVATE_BUCKET } from './private-bucket';
import { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from './site-headers';
// A data-only module (no code of the core): which outputs are readable by other sites.
import { corsPathPatterns, embedPathPatterns } from '../lambda/core/outputs';

/** Props of {@link SiteDelivery}. */
export interface SiteDeliveryProps {
  readonly accessLogs: s3.IBucket;
  /** @default none: the distribution's own `*.cloudfront.net` name */
  readonly domain?: CustomDomain | null;
}

/** Where the outputs live and how subscribers reach them. */
export class SiteDelivery extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly distribution: cloudfront.Distribution;
  /** Serves `/x/` as `/x/index.html` and redirects `/x` to `/x/` (the default root object covers `/` only). */
  public readonly directoryIndex: cloudfront.Function;
  /** `https://<domain>/` */
  public readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: SiteDeliveryProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'site/',
    });
    const securityHeadersBehavior: cloudfront.ResponseSecurityHeadersBehavior = {
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
    };
    const pages = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'calpub: security headers',
      securityHeadersBehavior,
    });
    // The widget's pages: any site may frame them (frame-ancestors *, no X-Frame-Options).
    const { frameOptions: _deny, ...embedHeaders } = securityHeadersBehavior;
    const embeds = new cloudfront.ResponseHeadersPolicy(this, 'EmbedHeaders', {
      comment: 'calpub: security headers for the embeddable pages',
      securityHeadersBehavior: {
        ...embedHeaders,
        contentSecurityPolicy: { contentSecurityPolicy: EMBED_CONTENT_SECURITY_POLICY, override: true },
      },
    });
    const data = new cloudfront.ResponseHeadersPolicy(this, 'CorsHeaders', {
      comment: 'calpub: security headers and CORS for calendars and JSON',
      securityHeadersBehavior,
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.days(1),
        originOverride: true,
      },
    });
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.directoryIndex = new cloudfront.Function(this, 'DirectoryIndex', {
      code: cloudfront.FunctionCode.fromFile({ filePath: path.join(__dirname, 'edge', 'viewer-request.js') }),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'calpub: /x/ is served as /x/index.html, /x is redirected to /x/',
    });
    const behavior = (
      responseHeadersPolicy: cloudfront.IResponseHeadersPolicy,
      functions: cloudfront.FunctionAssociation[] = [],
    ): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      // Honours the Cache-Control the rebuild sets on every object.
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
      functionAssociations: functions,
    });
    const domain = props.domain ?? null;
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'calpub site',
      defaultBehavior: behavior(pages, [
        { function: this.directoryIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      ]),
      // The files other sites' pages may read (calendars, JSON), from the outputs table.
      additionalBehaviors: Object.fromEntries([
        // The widget's folders (with the directory index: /embed/ is /embed/index.html), from the outputs table.
        ...embedPathPatterns().map((pattern) => [
          pattern,
          behavior(embeds, [{ function: this.directoryIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }]),
        ]),
        ...corsPathPatterns().map((pattern) => [pattern, behavior(data)]),
      ]),
      defaultRootObject: 'index.html',
      // Without s3:ListBucket, S3 answers 403 for a missing key: both become the site's plain 404.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 404,
        responsePagePath: '/404.html',
        ttl: Duration.minutes(1),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(domain
        ? {
            domainNames: [domain.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    if (domain) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: domain.hostedZoneId,
        zoneName: domain.hostedZoneName,
      });
      const target = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(this.distribution));
      new route53.ARecord(this, 'AliasV4', { zone, recordName: domain.domainName, target });
      new route53.AaaaRecord(this, 'AliasV6', { zone, recordName: domain.domainName, target });
    }
    this.siteUrl = `https://${domain ? domain.domainName : this.distribution.distributionDomainName}/`;
  }
}
