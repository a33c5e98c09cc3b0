import type { Backend, Strategy } from "../../src/backend";

/** Wrong: plain weighted rotation, each backend `weight` times in a row (a a a a a b c). */
export class SmoothWeighted implements Strategy {
  private turn = 0;

  choose(backends: readonly Backend[]): Backend | undefined {
    const slots: Backend[] = [];
    for (const backend of backends) if (backend.healthy) for (let i = 0; i < backend.weight; i++) slots.push(backend);
    if (slots.length === 0) return undefined;
    const chosen = slots[this.turn % slots.length];
    this.turn += 1;
    return chosen;
  }
}
