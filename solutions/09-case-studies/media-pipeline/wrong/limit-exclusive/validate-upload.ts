/**
 * The mistake: the size check is `bytes.length >= maxBytes`, so a file of exactly the limit is
 * refused. "Upload limit: 10 MB" means a 10 MB file is allowed.
 */
import { MediaError } from "../../src/errors";
import type { MediaType } from "../../src/media-types";
import type { Upload } from "../../src/options";
import { checkUpload as reference } from "../../src/validate-upload";

export function checkUpload(upload: Upload, maxBytes: number): MediaType {
  const type = reference(upload, maxBytes);
  if (upload.bytes.length >= maxBytes) {
    throw new MediaError(
      "FILE_TOO_LARGE",
      `${upload.fileName} is ${upload.bytes.length} bytes, at the limit of ${maxBytes}`,
    );
  }
  return type;
}
