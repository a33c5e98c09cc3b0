import { MediaError } from "./errors";
import type { Size } from "./options";

export function fitWithin(size: Size, box: Size): Size {
  checkSize("size", size);
  checkSize("box", box);
  if (size.width <= box.width && size.height <= box.height) return { width: size.width, height: size.height };
  const scale = Math.min(box.width / size.width, box.height / size.height);
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

function isPixels(n: unknown): boolean {
  return Number.isInteger(n) && (n as number) > 0;
}

function checkSize(what: string, size: Size): void {
  if (typeof size !== "object" || size === null || !isPixels(size.width) || !isPixels(size.height)) {
    throw new MediaError(
      "INVALID_SIZE",
      `fitWithin's ${what} must have a width and a height in whole pixels, 1 or more; got ${JSON.stringify(size)}`,
    );
  }
}
