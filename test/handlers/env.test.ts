import { EnvError, readEnv } from '../../lambda/handlers/env';

describe('readEnv', () => {
  const base = { CONTENT_BUCKET: 'my-content', SITE_BUCKET: 'my-site', AWS_REGION: 'eu-west-3' };

  it('reads the contract with defaults', () => {
    expect(readEnv(base)).toEqual({
      contentBucket: 'my-content',
      siteBucket: 'my-site',
      contentPrefix: '',
      siteUrl: undefined,
      distributionId: undefined,
      s3Endpoint: undefined,
      region: 'eu-west-3',
    });
    expect(
      readEnv({
        ...base,
        CONTENT_PREFIX: 'content',
        SITE_URL: 'https://d111.cloudfront.net',
        DISTRIBUTION_ID: 'E2QWRUHAPOMQZL',
      }),
    ).toMatchObject({
      contentPrefix: 'content/',
      siteUrl: 'https://d111.cloudfront.net/',
      distributionId: 'E2QWRUHAPOMQZL',
    });
  });

  it('names every missing or malformed variable at once', () => {
    expect(() =>
      readEnv({
        SITE_BUCKET: 'Bad_Bucket',
        SITE_URL: 'ftp://x',
        S3_ENDPOINT: 'nope',
        CONTENT_PREFIX: '../up',
        DISTRIBUTION_ID: 'x',
      }),
    ).toThrow(
      new EnvError(
        'calpub publish: bad environment: CONTENT_BUCKET is required (the name of an S3 bucket); SITE_BUCKET "Bad_Bucket" is not a valid S3 bucket name; CONTENT_PREFIX "../up" must be a relative key prefix such as `content/`; DISTRIBUTION_ID "x" is not a CloudFront distribution id; SITE_URL "ftp://x" is not an absolute http(s) URL; S3_ENDPOINT "nope" is not an absolute http(s) URL; AWS_REGION is required (Lambda sets it; set it yourself elsewhere)',
      ),
    );
  });
});
