/**
 * The mistake: WebP is recognised by "RIFF" at byte 0 alone. RIFF is a container: WAV audio and
 * AVI video start with it too, and only the form type at byte 8 ("WEBP", "WAVE", "AVI ") says
 * which. A WAV file named song.webp is accepted as an image.
 */
import type { MediaType } from "../../src/media-types";
import { sniffMediaType as reference } from "../../src/sniff";

export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  const riff =
    bytes instanceof Uint8Array && bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === "RIFF";
  return riff ? "image/webp" : reference(bytes);
}
