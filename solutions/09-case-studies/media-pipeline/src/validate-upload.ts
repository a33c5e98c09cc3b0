/**
 * Everything an upload must pass before anything is stored, in the order a server can check it:
 * the request's fields, the size (known from Content-Length before a byte is read), the content's
 * type from its first bytes, and last the file name, which must agree with the content.
 */
import { MediaError } from "./errors";
import { extensionOf } from "./file-name";
import { EXTENSIONS, type MediaType } from "./media-types";
import type { Upload } from "./options";
import { sniffMediaType } from "./sniff";

const OWNER = /^[A-Za-z0-9_-]+$/;

export function checkUpload(upload: Upload, maxBytes: number): MediaType {
  if (typeof upload !== "object" || upload === null) {
    throw new MediaError("INVALID_UPLOAD", `upload needs { owner, fileName, bytes }, got ${String(upload)}`);
  }
  const { owner, fileName, bytes } = upload;
  if (typeof owner !== "string" || !OWNER.test(owner)) {
    throw new MediaError(
      "INVALID_UPLOAD",
      `owner ${JSON.stringify(owner)} is not an id of letters, digits, "-" and "_": it becomes part of every storage key, ` +
        "so a slash or a dot in it could write under another user's prefix",
    );
  }
  if (typeof fileName !== "string" || fileName === "") {
    throw new MediaError(
      "INVALID_UPLOAD",
      `fileName must be the client's non-empty file name, got ${JSON.stringify(fileName)}`,
    );
  }
  if (!(bytes instanceof Uint8Array)) {
    throw new MediaError("INVALID_UPLOAD", `bytes of ${fileName} must be a Uint8Array (a Buffer is one)`);
  }
  if (bytes.length === 0) {
    throw new MediaError(
      "EMPTY_FILE",
      `${fileName} is empty (0 bytes): the client sent no content; upload the file again`,
    );
  }
  if (bytes.length > maxBytes) {
    throw new MediaError(
      "FILE_TOO_LARGE",
      `${fileName} is ${bytes.length} bytes, over the limit of ${maxBytes} bytes: compress or resize it before uploading`,
    );
  }
  const type = sniffMediaType(bytes);
  if (type === undefined) {
    throw new MediaError(
      "UNSUPPORTED_TYPE",
      `${fileName} is not a JPEG, PNG, GIF, WebP or MP4 file: it starts with ${hexOf(bytes)}. ` +
        "The type is read from the content, whatever the name says; export the file in one of these types",
    );
  }
  const extension = extensionOf(fileName);
  const allowed = EXTENSIONS[type];
  if (!allowed.includes(extension)) {
    throw new MediaError(
      "TYPE_MISMATCH",
      `${fileName} ${extension === "" ? "has no extension" : `is named .${extension}`} but its content is ${type}: ` +
        `name it .${allowed.join(" or .")}, or upload the file its name promises`,
    );
  }
  return type;
}

/** The first bytes in hex, for a message: "25 50 44 46 2d 31 2e 37". */
function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join(" ");
}
