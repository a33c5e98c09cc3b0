/** Wrong: windows taken as (start, end], so an event exactly at a window's end stays in it. */
export function windowsContaining(
  time: number,
  size: number,
  slide: number,
  offset: number,
): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  const lastStart = Math.ceil((time - offset) / slide) * slide + offset - slide;
  for (let start = lastStart; start >= time - size; start -= slide) windows.push({ start, end: start + size });
  return windows.reverse();
}
