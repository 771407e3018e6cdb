/** What every bucket of the stack shares: private, encrypted, TLS-only, removed with the stack. */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Properties of a private bucket. SSE-S3 also keeps ETags equal to the MD5 of the bytes, which the
 * rebuild compares against.
 */
export const PRIVATE_BUCKET: s3.BucketProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteObjects: true,
};
