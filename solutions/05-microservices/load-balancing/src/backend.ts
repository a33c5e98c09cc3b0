/** One backend as the balancer tracks it. Mutable: the strategies keep their own state here. */
export class Backend {
  healthy = true;
  inFlight = 0;
  /** Smooth weighted round robin's running score (nginx's current_weight). */
  current = 0;
  /** Position in least-connections' heap, or -1 when not in it. */
  heapIndex = -1;

  constructor(
    readonly id: string,
    readonly weight: number,
    /** Increases with every add: list order, and the tie-breaker wherever one is needed. */
    readonly order: number,
  ) {}
}

/** How an algorithm chooses, and what it is told about changes (only what it needs to hear). */
export interface Strategy {
  added?(backend: Backend): void;
  /** `index` is where the backend stood in the list before it was removed. */
  removed?(backend: Backend, index: number): void;
  healthChanged?(backend: Backend): void;
  /** After a backend's inFlight changed by one. */
  loadChanged?(backend: Backend): void;
  /** The backend for this request, or undefined when none is healthy. */
  choose(backends: readonly Backend[], key: string | undefined): Backend | undefined;
}
