/**
 * One attempt's work: probe the original once, then render and store each variant not stored yet,
 * in order. A failure throws out of the loop and leaves the variants already stored recorded, so
 * the next attempt resumes where this one stopped instead of rendering them again.
 */
import { fitWithin } from "./fit";
import { storageKey, type MediaRecord } from "./media-record";
import type { ObjectStore } from "./object-store";
import type { MediaProcessor, Size, VariantSpec } from "./options";

export function renderMissingVariants(
  record: MediaRecord,
  variants: readonly VariantSpec[],
  processor: MediaProcessor,
  store: ObjectStore,
): void {
  const { original } = record;
  const size = record.size ?? processor.probe(original);
  const targets = variants.map((spec) => fitWithin(size, spec)); // a bad probe fails here, before it is kept
  record.size = size;
  for (let i = record.variants.length; i < variants.length; i++) {
    const spec = variants[i] as VariantSpec;
    const target = targets[i] as Size;
    const bytes = processor.render(original, target);
    const key = storageKey(original.owner, original.id, spec.name, original.type);
    store.put(key, bytes);
    record.variants.push({
      name: spec.name,
      key,
      width: target.width,
      height: target.height,
      byteLength: bytes.length,
    });
  }
}
