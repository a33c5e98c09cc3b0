import { notImplemented } from "#kata";
import type { MediaType } from "./media-types";
// MediaError (./errors) and MP4_BRANDS (./media-types) are what the finished function uses.

/**
 * The media type of a file, read from its first bytes (its "magic number"), or undefined when the
 * content is none of the five types. The file's name plays no part: that is the point.
 *
 * | type       | bytes                                                                   |
 * |------------|-------------------------------------------------------------------------|
 * | image/jpeg | FF D8 FF at 0                                                           |
 * | image/png  | 89 50 4E 47 0D 0A 1A 0A at 0 (all eight: "\x89PNG\r\n\x1a\n")           |
 * | image/gif  | "GIF87a" or "GIF89a" at 0                                               |
 * | image/webp | "RIFF" at 0 and "WEBP" at 8 (bytes 4-7 are a length, any value)         |
 * | video/mp4  | "ftyp" at 4 and, at 8, one of MP4_BRANDS (bytes 0-3 are a length)       |
 *
 * Every byte of a signature must be there: a file shorter than a signature does not match it.
 * "RIFF" alone is also WAV audio and AVI video; "ftyp" alone is also QuickTime, HEIC and AVIF.
 *
 * @throws MediaError INVALID_UPLOAD when `bytes` is not a Uint8Array (a Buffer is one).
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  return notImplemented("sniffMediaType");
}
