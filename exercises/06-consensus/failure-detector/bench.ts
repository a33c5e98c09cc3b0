/**
 * How the detectors are measured: a monitor asks its phi detector about a peer far more often
 * than heartbeats arrive (a node checks every 10 ms, heartbeats come every 100 ms, and a cluster
 * node watches every other node). Here one detector with a full window of 1,000 intervals gets one
 * heartbeat to every nine questions, with arrival times jittered by a fixed pattern. A detector
 * that keeps running sums answers in O(1); one that recomputes the mean and the deviation from
 * the whole window reads 1,000 numbers for every question.
 */
import { defineBench } from "#kata/bench";
import type * as DetectorModule from "./src/failure-detector";

type Api = Pick<typeof DetectorModule, "PhiAccrualDetector">;

const JITTER = [0, 13, -7, 21, -15, 4, 9, -11, 17, -3];

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "phi checks, 1,000 intervals in the window",
      unit: "checks",
      setup: (api) => {
        const detector = new api.PhiAccrualDetector({ maxSamples: 1_000, minStdDevMs: 10, threshold: 1e6 });
        let last = 0;
        let beats = 0;
        detector.heartbeat(last);
        for (; beats < 1_500; beats++) detector.heartbeat((last += 100 + (JITTER[beats % 10] as number)));
        let calls = 0;
        return () => {
          calls++;
          if (calls % 10 === 0) {
            detector.heartbeat((last += 100 + (JITTER[beats++ % 10] as number)));
            return last;
          }
          return detector.phi(last + (calls % 10) * 10);
        };
      },
    },
  ],
});
