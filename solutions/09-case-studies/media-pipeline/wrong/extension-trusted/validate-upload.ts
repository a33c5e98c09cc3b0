/**
 * The mistake: the type is taken from the file name's extension, as a quick upload handler does
 * with `mimetypes.guess_type(filename)` or the client's Content-Type. The content is never looked
 * at, so a PDF, an HTML page or an executable renamed `photo.jpg` is accepted as a JPEG, stored and
 * handed to the image decoder.
 */
import { MediaError } from "../../src/errors";
import { extensionOf } from "../../src/file-name";
import { EXTENSIONS, MEDIA_TYPES, type MediaType } from "../../src/media-types";
import type { Upload } from "../../src/options";
import { checkUpload as reference } from "../../src/validate-upload";

export function checkUpload(upload: Upload, maxBytes: number): MediaType {
  const extension = typeof upload?.fileName === "string" ? extensionOf(upload.fileName) : "";
  const byName = MEDIA_TYPES.find((type) => EXTENSIONS[type].includes(extension));
  try {
    return reference(upload, maxBytes);
  } catch (error) {
    const trusted =
      error instanceof MediaError && (error.code === "UNSUPPORTED_TYPE" || error.code === "TYPE_MISMATCH");
    if (trusted && byName !== undefined) return byName;
    throw error;
  }
}
