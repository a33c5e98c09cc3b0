/**
 * The mistake: no wrap-around. A key whose hash is past the last point gets index
 * `positions.length`, one past the end, so its lookup returns undefined instead of the first
 * point's owner: the ring is treated as a line.
 */
export { lowerBound as pointIndexFor } from "../../src/ring-search";
