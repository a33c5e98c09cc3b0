/**
 * How the tracer is measured. Tracing runs inside every request a service handles, so its cost
 * is paid per request, and most requests are not sampled: at 1%, 99 requests in 100 must cost
 * almost nothing. Each step is one request at an edge service: a root span and three child spans
 * (a cache lookup, a database query, a downstream call), each with the 8 attributes instrumentation
 * libraries typically set, the context injected into the downstream call's headers, and every span
 * ended.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/trace-context";

/** Cheap, valid ids from a counter, so the bench measures the tracer, not the id generator. */
function countingIds(): Api.IdSource {
  const traceSuffix = "5".repeat(24);
  let n = 0;
  return {
    traceId: () => (Math.imul(0x9e3779b9, ++n) >>> 0).toString(16).padStart(8, "0") + traceSuffix,
    spanId: () => (++n).toString(16).padStart(8, "0") + "aaaaaaaa",
  };
}

function requests(api: typeof Api): () => unknown {
  let now = 0;
  const tracer = new api.Tracer({ clock: { now: () => now }, ids: countingIds(), sampleRatio: 0.01 });
  return () => {
    now += 1;
    const root = tracer.startSpan("GET /checkout");
    describe(root, "GET /checkout");
    const headers: Record<string, string> = {};
    for (const name of CHILDREN) {
      const child = tracer.startSpan(name, root.context);
      describe(child, name);
      if (name === "POST /payments") tracer.inject(child.context, headers);
      child.end();
    }
    root.end();
    return headers;
  };
}

const CHILDREN = ["cache.get", "db.query", "POST /payments"];

/** The attributes an HTTP or database instrumentation sets on every span. */
function describe(span: Api.Span, name: string): void {
  span.setAttribute("operation", name);
  span.setAttribute("http.method", "GET");
  span.setAttribute("http.route", "/checkout");
  span.setAttribute("http.status_code", 200);
  span.setAttribute("net.peer.name", "payments.internal");
  span.setAttribute("user.tier", "gold");
  span.setAttribute("attempt", 1);
  span.setAttribute("retry", false);
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "requests through a service at 1% sampling",
      unit: "requests",
      setup: requests,
    },
  ],
});
