/**
 * What woke the function up. Every trigger means the same thing ("bring the site up to date"); they
 * are told apart only for the log line.
 */
import type { SQSEvent } from 'aws-lambda';

/** One reason to rebuild. */
export type Trigger =
  | { readonly kind: 's3'; readonly event: string; readonly key: string }
  | { readonly kind: 's3-test' }
  | { readonly kind: 'schedule' }
  | { readonly kind: 'deploy' }
  | { readonly kind: 'unknown' };

/** Reads the triggers of an invocation: SQS batches of S3 notifications, the S3 test event, schedules. */
export function triggersOf(event: unknown): Trigger[] {
  const records = (event as Partial<SQSEvent>)?.Records;
  if (!Array.isArray(records)) return [messageTrigger(event)].flat();
  return records.flatMap((record) => {
    let body: unknown;
    try {
      body = JSON.parse(String((record as { body?: unknown }).body ?? 'null'));
    } catch {
      return [{ kind: 'unknown' as const }];
    }
    return messageTrigger(body);
  });
}

function messageTrigger(body: unknown): Trigger[] {
  const message = body as { Records?: unknown; Event?: unknown; reason?: unknown } | null;
  if (message && Array.isArray(message.Records)) {
    return message.Records.map((r: { eventName?: string; s3?: { object?: { key?: string } } }) => ({
      kind: 's3' as const,
      event: String(r.eventName ?? ''),
      // S3 URL-encodes keys in notifications, with `+` for spaces.
      key: decodeS3Key(String(r.s3?.object?.key ?? '')),
    }));
  }
  if (message?.Event === 's3:TestEvent') return [{ kind: 's3-test' }];
  if (message?.reason === 'schedule') return [{ kind: 'schedule' }];
  if (message?.reason === 'deploy') return [{ kind: 'deploy' }];
  return [{ kind: 'unknown' }];
}

/** `event/my+talk/index.md` → `event/my talk/index.md`, `%C3%A9` → `é`. */
export function decodeS3Key(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}
