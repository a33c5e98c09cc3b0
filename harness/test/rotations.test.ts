/** The estimator that turns interleaved rounds into one ratio, on series with a known answer. */
import { median, medianOverRotations } from "../bench/interleave";

describe("medianOverRotations", () => {
  it("cancels a position effect: the side that runs second in a round pays 3x", () => {
    // Identical code, so the true ratio is 1; the order rotates every round, as interleave does.
    const ratios = Array.from({ length: 15 }, (_, round) => (round % 2 === 0 ? 3 : 1 / 3));
    expect(median(ratios)).toBeCloseTo(3); // a plain median picks one of the two modes
    expect(medianOverRotations(ratios, 2)).toBeCloseTo(1);
  });

  it("keeps a real difference that does not depend on position", () => {
    const ratios = Array.from({ length: 15 }, (_, round) => 0.5 * (round % 2 === 0 ? 1.2 : 1 / 1.2));
    expect(medianOverRotations(ratios, 2)).toBeCloseTo(0.5);
  });

  it("shrugs off one disturbed round, as a median should", () => {
    const ratios = [1, 1, 1, 1, 40, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(medianOverRotations(ratios, 2)).toBeCloseTo(1);
  });

  it("is the plain median for a cycle of one or a series shorter than a cycle", () => {
    expect(medianOverRotations([1, 2, 9], 1)).toBe(2);
    expect(medianOverRotations([4], 2)).toBe(4);
  });
});
