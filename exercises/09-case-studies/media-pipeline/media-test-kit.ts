/**
 * Given test helpers for media-pipeline, shared by the visible and the hidden tests: a pipeline on
 * a clock the test moves by hand, an in-memory store that can be told to fail, a scripted
 * processor, and the events it announced.
 */
import { ensure } from "#kata/testing";
import { ScriptedProcessor, sampleFile } from "./media-fixtures";
import { MediaError } from "./src/errors";
import { MediaPipeline, type MediaEvent, type MediaPipelineOptions, type MediaStatus } from "./src/media-pipeline";
import type { MediaType } from "./src/media-types";
import { MemoryObjectStore } from "./src/object-store";

/** An in-memory store whose writes fail while `failPuts` says so. */
export class FlakyStore extends MemoryObjectStore {
  failPuts: (key: string) => boolean = () => false;

  override put(key: string, bytes: Uint8Array): void {
    if (this.failPuts(key)) throw new Error(`503 Slow Down writing ${key}`);
    super.put(key, bytes);
  }
}

export interface Harness {
  pipeline: MediaPipeline;
  store: FlakyStore;
  processor: ScriptedProcessor;
  clock: { now: number };
  events: MediaEvent[];
}

/** A pipeline with a hand-moved clock (starting at 0), a FlakyStore and a ScriptedProcessor. */
export function setup(options: Partial<MediaPipelineOptions> = {}): Harness {
  const clock = { now: 0 };
  const store = new FlakyStore();
  const processor = new ScriptedProcessor();
  const events: MediaEvent[] = [];
  const pipeline = new MediaPipeline({
    store,
    processor,
    clock: () => clock.now,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { pipeline, store, processor, clock, events };
}

const NAMES: Record<MediaType, string> = {
  "image/jpeg": "IMG_0001.jpg",
  "image/png": "screenshot.png",
  "image/gif": "party.gif",
  "image/webp": "banner.webp",
  "video/mp4": "clip.mp4",
};

/** Uploads a good file of `type` for `owner` ("alice" unless told). */
export function uploadOf(pipeline: MediaPipeline, type: MediaType = "image/jpeg", owner = "alice"): MediaStatus {
  return pipeline.upload({ owner, fileName: NAMES[type], bytes: sampleFile(type) });
}

/** runNext that must find a job due: the failure says when. */
export function mustRun(harness: Harness, context: string): MediaStatus {
  const status = harness.pipeline.runNext();
  const now = harness.clock.now;
  const due = harness.pipeline.nextDueAt;
  ensure(
    status !== undefined,
    `${context}: at t=${now} runNext() found no job due` +
      (due === now
        ? `, though the next job is due at t=${due}: a job is due at its due instant itself (dueAt <= now), and an upload's job is due at the instant of the upload`
        : ""),
  );
  return status;
}

/** What a call threw, for failure messages: its code, or what it returned. */
export function outcomeOf(act: () => unknown): string {
  try {
    const value = act();
    return `no error (it returned ${JSON.stringify(value)?.slice(0, 120)})`;
  } catch (error) {
    return error instanceof MediaError ? error.code : String(error);
  }
}
