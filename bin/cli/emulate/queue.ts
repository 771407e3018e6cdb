/**
 * An SQS queue and the Lambda event source mapping that drains it, as AWS runs them:
 * - the mapping waits up to its batching window (or until a batch is full) before invoking;
 * - at most `maxConcurrency` invocations run at once;
 * - a received message is invisible for the visibility timeout; a batch whose invocation fails is
 *   not deleted, so its messages come back once that timeout ends (the retry an edit relies on);
 * - a message received `maxReceiveCount` times without success goes to the dead-letter queue.
 * Durations are the template's, multiplied by `timeScale` (a local run need not wait 35 minutes).
 */
import type { QueueModel } from './stack-model';

/** One message, as the function receives it in an SQS event record. */
export interface Message {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  visibleAt: number;
}

/** What the queue reports. */
export interface QueueEvents {
  /** An invocation failed; its messages come back after the visibility timeout (or go to the dead-letter queue). */
  failed(error: Error, batch: readonly Message[]): void;
  /** A message was moved to the dead-letter queue. */
  deadLettered(message: Message): void;
}

export class EmulatedQueue {
  readonly #messages: Message[] = [];
  /** Messages that failed `maxReceiveCount` times, oldest first. */
  readonly deadLetters: Message[] = [];
  #running = 0;
  #sent = 0;
  #timer: NodeJS.Timeout | null = null;
  #idleWaiters: Array<() => void> = [];
  #stopped = false;

  constructor(
    private readonly model: QueueModel,
    private readonly invoke: (event: unknown) => Promise<unknown>,
    private readonly events: QueueEvents,
    private readonly timeScale = 1,
    private readonly queueArn = 'arn:aws:sqs:us-east-1:000000000000:calpub-emulated',
  ) {}

  /** SendMessage. */
  send(body: string): void {
    const now = Date.now();
    this.#messages.push({ messageId: `m-${++this.#sent}`, body, sentAt: now, receiveCount: 0, visibleAt: now });
    this.#schedule(0);
  }

  /** Resolves when no message is waiting or in flight (the dead-letter queue aside). */
  idle(): Promise<void> {
    if (this.#messages.length === 0 && this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Messages waiting or in flight. */
  get depth(): number {
    return this.#messages.length;
  }

  /** Invocations running now. */
  get inFlight(): number {
    return this.#running;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  #scaled(ms: number): number {
    return ms * this.timeScale;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#poll(), Math.max(0, delayMs));
  }

  /** Starts as many batches as it may; then waits for the next message to become visible, or a window to end. */
  #poll(): void {
    this.#timer = null;
    const now = Date.now();
    while (this.#running < this.model.maxConcurrency) {
      const visible = this.#messages.filter((m) => m.visibleAt <= now);
      if (!visible.length) break;
      // The batching window starts when the first message of the batch became visible.
      const windowEnds = Math.min(...visible.map((m) => m.visibleAt)) + this.#scaled(this.model.batchingWindowMs);
      if (visible.length < this.model.batchSize && now < windowEnds) {
        this.#schedule(windowEnds - now);
        return;
      }
      this.#start(visible.slice(0, this.model.batchSize), now);
    }
    const next = this.#messages.filter((m) => m.visibleAt > now).map((m) => m.visibleAt);
    if (next.length && this.#running < this.model.maxConcurrency) this.#schedule(Math.min(...next) - now);
    this.#notifyIdle();
  }

  #start(candidates: readonly Message[], now: number): void {
    const batch: Message[] = [];
    for (const m of candidates) {
      if (m.receiveCount >= this.model.maxReceiveCount) {
        this.#remove(m);
        this.deadLetters.push(m);
        this.events.deadLettered(m);
        continue;
      }
      m.receiveCount++;
      m.visibleAt = now + this.#scaled(this.model.visibilityTimeoutMs);
      batch.push(m);
    }
    if (!batch.length) return;
    this.#running++;
    this.invoke({ Records: batch.map((m) => this.#record(m)) })
      .then(
        () => {
          for (const m of batch) this.#remove(m);
        },
        (error: Error) => {
          if (!this.#stopped) this.events.failed(error, batch);
        },
      )
      .finally(() => {
        this.#running--;
        this.#schedule(0);
      });
  }

  #record(m: Message) {
    return {
      messageId: m.messageId,
      receiptHandle: `${m.messageId}-${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        ApproximateFirstReceiveTimestamp: String(m.sentAt),
      },
      messageAttributes: {},
      eventSource: 'aws:sqs',
      eventSourceARN: this.queueArn,
      awsRegion: 'us-east-1',
    };
  }

  #remove(m: Message): void {
    const i = this.#messages.indexOf(m);
    if (i >= 0) this.#messages.splice(i, 1);
  }

  #notifyIdle(): void {
    if (this.#messages.length || this.#running) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }
}
