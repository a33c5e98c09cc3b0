/** The [start, end) windows of `size` every `slide`, aligned on `offset`, that contain `time`. */
export function windowsContaining(
  time: number,
  size: number,
  slide: number,
  offset: number,
): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  const lastStart = Math.floor((time - offset) / slide) * slide + offset;
  for (let start = lastStart; start > time - size; start -= slide) windows.push({ start, end: start + size });
  return windows.reverse();
}
