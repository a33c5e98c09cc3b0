import { MediaError } from "./errors";
import { MP4_BRANDS, type MediaType } from "./media-types";

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF87A = ascii("GIF87a");
const GIF89A = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const FTYP = ascii("ftyp");
const BRANDS = MP4_BRANDS.map(ascii);

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

/** Whether `bytes` holds `signature` at `offset`, every byte of it (a shorter file does not). */
function hasAt(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) {
    if (bytes[offset + i] !== signature[i]) return false;
  }
  return true;
}

export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (!(bytes instanceof Uint8Array)) {
    throw new MediaError(
      "INVALID_UPLOAD",
      `sniffMediaType needs the file's bytes as a Uint8Array (a Buffer is one), got ${describe(bytes)}`,
    );
  }
  if (hasAt(bytes, 0, JPEG)) return "image/jpeg";
  if (hasAt(bytes, 0, PNG)) return "image/png";
  if (hasAt(bytes, 0, GIF87A) || hasAt(bytes, 0, GIF89A)) return "image/gif";
  if (hasAt(bytes, 0, RIFF) && hasAt(bytes, 8, WEBP)) return "image/webp";
  if (hasAt(bytes, 4, FTYP) && BRANDS.some((brand) => hasAt(bytes, 8, brand))) return "video/mp4";
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `a ${value.constructor.name}`;
  return typeof value;
}
