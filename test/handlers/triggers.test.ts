import { decodeS3Key, triggersOf } from '../../lambda/handlers/triggers';

const sqs = (...bodies: unknown[]) => ({
  Records: bodies.map((b, i) => ({ messageId: String(i), body: typeof b === 'string' ? b : JSON.stringify(b) })),
});

describe('triggersOf', () => {
  it('reads SQS batches of S3 notifications, decoding keys as S3 encodes them', () => {
    const n = {
      Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key: 'event/my+talk%C3%A9/index.md' } } }],
    };
    expect(triggersOf(sqs(n, { Event: 's3:TestEvent' }, { reason: 'schedule' }, 'not json'))).toEqual([
      { kind: 's3', event: 'ObjectCreated:Put', key: 'event/my talké/index.md' },
      { kind: 's3-test' },
      { kind: 'schedule' },
      { kind: 'unknown' },
    ]);
  });
  it('reads a scheduler message sent directly, and the deploy message of the stack', () => {
    expect(triggersOf({ reason: 'schedule' })).toEqual([{ kind: 'schedule' }]);
    expect(triggersOf(sqs({ reason: 'deploy', content: 'a.zip', code: '3' }))).toEqual([{ kind: 'deploy' }]);
  });
  it('leaves undecodable keys as they are', () => expect(decodeS3Key('bad%E0%A4')).toBe('bad%E0%A4'));
});
