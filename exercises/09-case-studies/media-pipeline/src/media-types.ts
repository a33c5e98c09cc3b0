/**
 * The media types the pipeline accepts, and what the spec fixes about each (given code).
 *
 * A type is decided by the content's first bytes (see sniffMediaType in ./sniff.ts); the file
 * name only has to agree with it.
 */
export type MediaType = "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "video/mp4";

export const MEDIA_TYPES: readonly MediaType[] = ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4"];

/** The file-name extensions (lower case, without the dot) that may name each type. */
export const EXTENSIONS: Readonly<Record<MediaType, readonly string[]>> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "video/mp4": ["mp4", "m4v"],
};

/** The extension the pipeline gives stored objects of each type: `original.png`, `small.png`. */
export const STORED_EXTENSION: Readonly<Record<MediaType, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "video/mp4": "mp4",
};

/**
 * The major brands (bytes 8-11 of an MP4 file, after "ftyp" at 4-7) that make a file an MP4.
 * The same `ftyp` box starts every ISO base media file: QuickTime ("qt  "), HEIC photos ("heic",
 * "mif1"), AVIF ("avif") and 3GP ("3gp4") too. Those are not MP4 and are refused.
 */
export const MP4_BRANDS: readonly string[] = [
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "dash",
  "M4V ",
];
