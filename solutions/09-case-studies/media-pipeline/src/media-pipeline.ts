import { MediaError } from "./errors";
import { JobQueue, isDue, type Job } from "./job-queue";
import { statusOf, storageKey, type MediaRecord } from "./media-record";
import type { ObjectStore } from "./object-store";
import type {
  MediaEvent,
  MediaPipelineOptions,
  MediaProcessor,
  MediaStatus,
  Original,
  Upload,
  VariantSpec,
} from "./options";
import { renderMissingVariants } from "./render-variants";
import { mayRetry, retryDelay } from "./retry-policy";
import { settingsOf } from "./settings";
import { markFailed, markProcessing, markReady, markRetrying } from "./transitions";
import { checkUpload } from "./validate-upload";

export type * from "./options";
export type { MediaType } from "./media-types";

export class MediaPipeline {
  readonly maxBytes: number;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  readonly variants: readonly VariantSpec[];

  private readonly store: ObjectStore;
  private readonly processor: MediaProcessor;
  private readonly clock: () => number;
  private readonly publish: (event: MediaEvent) => void;
  private readonly records = new Map<number, MediaRecord>();
  private readonly jobs = new JobQueue();
  private waiting = 0;
  private nextId = 1;

  constructor(options: MediaPipelineOptions) {
    const settings = settingsOf(options);
    this.maxBytes = settings.maxBytes;
    this.maxAttempts = settings.maxAttempts;
    this.retryDelayMs = settings.retryDelayMs;
    this.variants = settings.variants;
    this.store = options.store;
    this.processor = options.processor;
    this.clock = options.clock ?? Date.now;
    this.publish = options.onEvent ?? (() => undefined);
  }

  get queued(): number {
    return this.waiting;
  }

  get nextDueAt(): number | undefined {
    return this.nextLiveJob()?.dueAt;
  }

  upload(upload: Upload): MediaStatus {
    const type = checkUpload(upload, this.maxBytes);
    const id = this.nextId;
    const key = storageKey(upload.owner, id, "original", type);
    try {
      this.store.put(key, upload.bytes);
    } catch (error) {
      throw new MediaError(
        "STORAGE_FAILED",
        `storing ${upload.fileName} as ${key} failed (${messageOf(error)}); nothing was recorded or queued: upload it again`,
      );
    }
    this.nextId = id + 1;
    const original: Original = { id, owner: upload.owner, type, key, bytes: upload.bytes };
    const now = this.clock();
    const record: MediaRecord = {
      original,
      fileName: upload.fileName,
      state: "queued",
      attempts: 0,
      nextAttemptAt: now,
      size: undefined,
      variants: [],
      error: undefined,
    };
    this.records.set(id, record);
    this.schedule({ id, dueAt: now });
    this.publish({ type: "uploaded", id });
    return statusOf(record);
  }

  runNext(): MediaStatus | undefined {
    const job = this.nextLiveJob();
    if (job === undefined || !isDue(job, this.clock())) return undefined;
    this.jobs.pop();
    this.waiting--;
    const record = this.records.get(job.id) as MediaRecord;
    markProcessing(record);
    try {
      renderMissingVariants(record, this.variants, this.processor, this.store);
    } catch (error) {
      this.attemptFailed(record, messageOf(error));
      return statusOf(record);
    }
    markReady(record, this.publish);
    return statusOf(record);
  }

  runDue(): number {
    let ran = 0;
    while (this.runNext() !== undefined) ran++;
    return ran;
  }

  status(id: number): MediaStatus {
    return statusOf(this.recordOf(id, "status"));
  }

  delete(id: number): void {
    const record = this.recordOf(id, "delete");
    if (record.state === "processing") {
      throw new MediaError(
        "MEDIA_BUSY",
        `media ${id} is being processed right now; delete it once the attempt is over (from the "ready", "retrying" or "failed" event)`,
      );
    }
    if (record.state === "queued" || record.state === "retrying") this.waiting--;
    for (const variant of record.variants) this.store.delete(variant.key);
    this.store.delete(record.original.key);
    this.records.delete(id);
  }

  private attemptFailed(record: MediaRecord, error: string): void {
    if (mayRetry(record.attempts, this.maxAttempts)) {
      const at = this.clock() + retryDelay(record.attempts, this.retryDelayMs);
      this.schedule({ id: record.original.id, dueAt: at });
      markRetrying(record, error, at, this.publish);
    } else {
      markFailed(record, error, this.store, this.publish);
    }
  }

  private schedule(job: Job): void {
    this.jobs.push(job);
    this.waiting++;
  }

  /** The first job whose media still exists; jobs of deleted media are dropped on the way. */
  private nextLiveJob(): Job | undefined {
    let job = this.jobs.peek();
    while (job !== undefined && !this.records.has(job.id)) {
      this.jobs.pop();
      job = this.jobs.peek();
    }
    return job;
  }

  private recordOf(id: number, call: string): MediaRecord {
    const record = this.records.get(id);
    if (record === undefined) {
      throw new MediaError(
        "UNKNOWN_MEDIA",
        `${call}(${JSON.stringify(id)}): no media has that id (ids are the numbers upload returned; a deleted media is gone)`,
      );
    }
    return record;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
