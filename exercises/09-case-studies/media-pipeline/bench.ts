/**
 * How the pipeline is measured: uploads carried to ready. Each operation is one upload's share of
 * a worker's day: a file is uploaded (checked, sniffed, its original stored, its job queued), the
 * job due longest is run (a probe and four renders, simulated, each variant stored), and a media
 * that came out ready is deleted again, so the pipeline's size stays put. One upload in twenty
 * fails its first attempt and comes back after a one-second backoff, on a virtual clock that moves
 * 1 ms per operation.
 *
 * The workers are behind: thousands of jobs wait in the queue, as they do during an upload burst.
 * That backlog is where designs differ: picking the next job from a heap costs O(log n), scanning a
 * list for the one due first costs O(n) on every attempt.
 */
import { defineBench } from "#kata/bench";
import { sampleFile } from "./media-fixtures";
import type * as PipelineModule from "./src/media-pipeline";
import type { MediaProcessor, MediaStatus, Size, Upload } from "./src/media-pipeline";
import { MEDIA_TYPES } from "./src/media-types";
import type { ObjectStore } from "./src/object-store";

type Api = Pick<typeof PipelineModule, "MediaPipeline">;

const NAMES = ["IMG_2041.jpg", "screenshot.png", "reaction.gif", "banner.webp", "clip.mp4"];
const FILES = MEDIA_TYPES.map((type) => sampleFile(type, 2_048));
const SIZES: Size[] = [
  { width: 4032, height: 3024 },
  { width: 1170, height: 2532 },
  { width: 480, height: 270 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
const RENDERED = new Uint8Array(64 * 1024);
/** Thrown as it is, made once: building an Error captures a stack, which costs more than an upload. */
const CRASH = new Error("encoder crashed");

/** An object store that takes every write and keeps nothing: the bench measures the pipeline. */
const nowhere: ObjectStore = { put: () => undefined, delete: () => undefined };

/**
 * Probes from a table and renders a view of one buffer. Every 20th media fails its first attempt
 * at its first variant over 320 px wide, after the smaller ones are stored; `failedOnce` holds the
 * media that have failed once, until they are ready.
 */
function simulatedProcessor(failedOnce: Set<number>): MediaProcessor {
  return {
    probe: (original) => SIZES[original.id % SIZES.length] as Size,
    render: (original, size) => {
      if (original.id % 20 === 0 && size.width > 320 && !failedOnce.has(original.id)) {
        failedOnce.add(original.id);
        throw CRASH;
      }
      return RENDERED.subarray(0, (size.width * size.height) >>> 6);
    },
  };
}

function flow(api: Api, backlog: number): () => unknown {
  let now = 0;
  const failedOnce = new Set<number>();
  const pipeline = new api.MediaPipeline({
    store: nowhere,
    processor: simulatedProcessor(failedOnce),
    clock: () => now,
    retryDelayMs: 1_000,
  });
  let sent = 0;
  const upload = (): void => {
    const i = sent % FILES.length;
    const file: Upload = { owner: `user-${sent % 1_000}`, fileName: NAMES[i] as string, bytes: FILES[i] as Uint8Array };
    pipeline.upload(file);
    sent++;
  };
  const runOne = (): MediaStatus | undefined => {
    const status = pipeline.runNext();
    if (status?.state === "ready") {
      pipeline.delete(status.id);
      failedOnce.delete(status.id);
    }
    return status;
  };
  for (let i = 0; i < backlog; i++) upload();
  let turn = 0;
  return () => {
    now += 1;
    upload();
    const status = runOne();
    // One first attempt in twenty fails and comes back: one extra attempt per twenty keeps the backlog level.
    if (++turn % 20 === 0) runOne();
    return status;
  };
}

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "uploads, 10k jobs waiting",
      unit: "uploads",
      setup: (api) => flow(api, 10_000),
    },
    {
      kind: "scaling",
      name: "scaling, 1k to 20k jobs waiting",
      unit: "uploads",
      small: { label: "1,000 jobs waiting", setup: (api) => flow(api, 1_000) },
      large: { label: "20,000 jobs waiting", setup: (api) => flow(api, 20_000) },
    },
  ],
});
