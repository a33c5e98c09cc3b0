/**
 * The mistake: every variant is scaled to fill its box, up as well as down. A 100x80 original
 * becomes a 1080x864 "large" variant: a bigger file with no more detail, and blurry on screen.
 */
import type { Size } from "../../src/options";
import { fitWithin as reference } from "../../src/fit";

export function fitWithin(size: Size, box: Size): Size {
  const fitted = reference(size, box);
  const scale = Math.min(box.width / size.width, box.height / size.height);
  if (scale <= 1) return fitted;
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}
