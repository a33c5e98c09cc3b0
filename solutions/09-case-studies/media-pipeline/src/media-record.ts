/** What the pipeline keeps per media (the metadata database's row), and the snapshot it shows. */
import { STORED_EXTENSION, type MediaType } from "./media-types";
import type { MediaState, MediaStatus, Original, Size, VariantRecord } from "./options";

export interface MediaRecord {
  readonly original: Original;
  readonly fileName: string;
  state: MediaState;
  attempts: number;
  nextAttemptAt: number | undefined;
  size: Size | undefined;
  /** A prefix of the pipeline's variants, in their order: a retry renders only the rest. */
  variants: VariantRecord[];
  error: string | undefined;
}

/**
 * A storage key of the pipeline's own making: the owner's prefix, the media id, and the name of
 * the object, with the extension of the sniffed type. The client's file name never goes in a key.
 */
export function storageKey(owner: string, id: number, name: string, type: MediaType): string {
  return `media/${owner}/${id}/${name}.${STORED_EXTENSION[type]}`;
}

export function statusOf(record: MediaRecord): MediaStatus {
  const { original } = record;
  return {
    id: original.id,
    owner: original.owner,
    fileName: record.fileName,
    type: original.type,
    byteLength: original.bytes.length,
    original: original.key,
    state: record.state,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    size: record.size,
    variants: record.variants.slice(),
    error: record.error,
  };
}
