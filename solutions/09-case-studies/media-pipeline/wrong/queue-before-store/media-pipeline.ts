/**
 * The mistake: the seed design's order. The job is submitted and the media recorded first, and
 * the original written to the store after. When that write fails, the upload reports the failure,
 * but the record and the queued job stay: a worker will look for an original that does not exist,
 * and the user sees a media stuck in processing.
 *
 * Made here by handing the reference a store that takes originals without writing them, and writing
 * each original for real only once the reference has recorded and queued its media.
 */
import { MediaError } from "../../src/errors";
import { MediaPipeline as Reference } from "../../src/media-pipeline";
import type { ObjectStore } from "../../src/object-store";
import type { MediaPipelineOptions, MediaStatus, Upload } from "../../src/options";

export type * from "../../src/media-pipeline";

export class MediaPipeline extends Reference {
  private readonly realStore: ObjectStore;

  constructor(options: MediaPipelineOptions) {
    const real = options.store;
    const originalsLater: ObjectStore = {
      put: (key, bytes) => {
        if (!key.includes("/original.")) real.put(key, bytes);
      },
      delete: (key) => real.delete(key),
    };
    super({ ...options, store: originalsLater });
    this.realStore = real;
  }

  override upload(upload: Upload): MediaStatus {
    const status = super.upload(upload); // recorded and queued...
    try {
      this.realStore.put(status.original, upload.bytes); // ...and only then stored
    } catch (error) {
      throw new MediaError("STORAGE_FAILED", `storing ${status.original} failed: ${String(error)}`);
    }
    return status;
  }
}
