import { notImplemented } from "#kata";
import type { Size } from "./options";
// MediaError (./errors) is what the finished function throws.

/**
 * The size of a variant: `size` scaled to fit inside `box`, keeping its aspect ratio, and never
 * enlarged.
 *
 * - If `size` already fits (width <= box.width and height <= box.height), it is returned as it is:
 *   a 100x80 image is not blown up to fill a 150x150 thumbnail.
 * - Otherwise the scale is the smaller of box.width / width and box.height / height, so both sides
 *   fit, and each side is width x scale (height x scale) rounded to the nearest whole pixel
 *   (Math.round), and at least 1: a 6000x10 panorama in a 150x150 box is 150x1, not 150x0.
 *
 * @example
 * fitWithin({ width: 4000, height: 3000 }, { width: 1080, height: 1080 }) // { width: 1080, height: 810 }
 * fitWithin({ width: 3000, height: 4000 }, { width: 320, height: 320 })   // { width: 240, height: 320 }
 * @throws MediaError INVALID_SIZE when a width or height of `size` or `box` is not a positive integer.
 */
export function fitWithin(size: Size, box: Size): Size {
  return notImplemented(`fitWithin(${JSON.stringify(size)}, ${JSON.stringify(box)})`);
}
