/**
 * Given test helpers for media-pipeline, shared by the visible tests, the hidden tests and the
 * bench: files of each type (a real signature, then filler), files that only look like one, and a
 * scripted processor that stands in for the image and video work.
 */
import type { MediaType } from "./src/media-types";
import type { MediaProcessor, Original, Size } from "./src/options";

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const be32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** The first bytes of a real file of each type, as cameras and encoders write them. */
function headerOf(type: MediaType, length: number): number[] {
  switch (type) {
    case "image/jpeg": // SOI, then a JFIF APP0 segment
      return [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF"), 0x00, 0x01, 0x01];
    case "image/png": // the signature, then the IHDR chunk's length and type
      return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, ...ascii("IHDR")];
    case "image/gif":
      return ascii("GIF89a");
    case "image/webp": // a RIFF container whose form type is WEBP, then a VP8 chunk
      return [...ascii("RIFF"), ...le32(length - 8), ...ascii("WEBPVP8 ")];
    case "video/mp4": // an ftyp box: size, "ftyp", major brand, minor version, compatible brands
      return [...be32(24), ...ascii("ftypisom"), 0x00, 0x00, 0x02, 0x00, ...ascii("isomiso2mp41")];
  }
}

/** Filler after a header: deterministic, and never zero, so nothing else decides a test. */
function filled(header: number[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + 7) % 251 || 1;
  bytes.set(header.slice(0, length));
  return bytes;
}

/** A file of `type`, `length` bytes long (at least its header's length, 64 by default). */
export function sampleFile(type: MediaType, length = 64): Uint8Array {
  return filled(headerOf(type, length), length);
}

/** Files that are none of the five types, some of them close: what a sniffer must refuse. */
export const LOOKALIKES = {
  pdf: { bytes: filled(ascii("%PDF-1.7\n"), 64), lesson: "a PDF" },
  zip: { bytes: filled([0x50, 0x4b, 0x03, 0x04], 64), lesson: "a ZIP archive" },
  html: { bytes: filled(ascii("<!DOCTYPE html><script>"), 64), lesson: "an HTML page" },
  wav: {
    bytes: filled([...ascii("RIFF"), ...le32(56), ...ascii("WAVEfmt ")], 64),
    lesson: 'WAV audio: a RIFF file whose form type is "WAVE"; WebP needs "WEBP" at byte 8, not only "RIFF" at 0',
  },
  avi: {
    bytes: filled([...ascii("RIFF"), ...le32(56), ...ascii("AVI LIST")], 64),
    lesson: 'AVI video: a RIFF file whose form type is "AVI "; WebP needs "WEBP" at byte 8, not only "RIFF" at 0',
  },
  heic: {
    bytes: filled([...be32(24), ...ascii("ftypheic"), 0, 0, 0, 0, ...ascii("mif1heic")], 64),
    lesson: 'a HEIC photo: an ftyp box whose major brand is "heic"; MP4 needs "ftyp" and an MP4 brand at byte 8',
  },
  quicktime: {
    bytes: filled([...be32(20), ...ascii("ftypqt  "), 0, 0, 2, 0, ...ascii("qt  ")], 64),
    lesson: 'a QuickTime movie: an ftyp box whose major brand is "qt  "; MP4 needs an MP4 brand at byte 8',
  },
  mangledPng: {
    bytes: filled([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, ...ascii("IHDR")], 64),
    lesson:
      "a PNG broken by a text-mode transfer (its CR LF became LF): the PNG signature is eight bytes, and its last four exist to catch exactly this",
  },
  gif88: { bytes: filled(ascii("GIF88a"), 64), lesson: 'not a GIF: the versions are "GIF87a" and "GIF89a" only' },
  shortJpeg: { bytes: new Uint8Array([0xff, 0xd8]), lesson: "two bytes, shorter than the JPEG signature FF D8 FF" },
  shortWebp: {
    bytes: new Uint8Array([...ascii("RIFF"), ...le32(4), ...ascii("WEB")]),
    lesson: '11 bytes: "RIFF", a length, then "WEB", one byte short of "WEBP"',
  },
} as const;

export type Lookalike = keyof typeof LOOKALIKES;

/** One call the pipeline made to the processor. */
export interface ProcessorCall {
  readonly kind: "probe" | "render";
  readonly id: number;
  /** The size asked for (render only). */
  readonly size?: Size;
}

interface Failure {
  remaining: number;
  message: string;
  when: (call: ProcessorCall) => boolean;
}

const RENDERED = new Uint8Array(1 << 17);

/**
 * A stand-in for ImageMagick or ffmpeg: probe answers the size set for the media (4000x3000 unless
 * set), render returns w x h / 16 bytes, and either fails when the test says so. Every call is
 * logged, and `during` runs inside each one (to move the clock, or to look at the pipeline
 * mid-attempt).
 */
export class ScriptedProcessor implements MediaProcessor {
  readonly calls: ProcessorCall[] = [];
  readonly sizes = new Map<number, Size>();
  during: ((call: ProcessorCall) => void) | undefined = undefined;
  private readonly failures: Failure[] = [];

  /** Makes the next `count` calls that match `when` (every call by default) throw `message`. */
  fail(count: number, message = "worker ran out of memory", when: (call: ProcessorCall) => boolean = () => true): this {
    this.failures.push({ remaining: count, message, when });
    return this;
  }

  /** Calls of one kind, for one media. */
  callsFor(id: number, kind?: ProcessorCall["kind"]): ProcessorCall[] {
    return this.calls.filter((call) => call.id === id && (kind === undefined || call.kind === kind));
  }

  probe(original: Original): Size {
    this.enter({ kind: "probe", id: original.id });
    return this.sizes.get(original.id) ?? { width: 4000, height: 3000 };
  }

  render(original: Original, size: Size): Uint8Array {
    this.enter({ kind: "render", id: original.id, size });
    return RENDERED.subarray(0, Math.min(RENDERED.length, Math.max(1, Math.floor((size.width * size.height) / 16))));
  }

  private enter(call: ProcessorCall): void {
    this.calls.push(call);
    this.during?.(call);
    const failure = this.failures.find((f) => f.remaining > 0 && f.when(call));
    if (failure !== undefined) {
      failure.remaining--;
      throw new Error(failure.message);
    }
  }
}

/** Matches the processor calls for one media: `processor.fail(1, "boom", callsOf(2, "render"))`. */
export const callsOf =
  (id: number, kind?: ProcessorCall["kind"]) =>
  (call: ProcessorCall): boolean =>
    call.id === id && (kind === undefined || call.kind === kind);
