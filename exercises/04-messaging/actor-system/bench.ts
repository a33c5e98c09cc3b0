/**
 * How the actor system is measured: messages through it. One operation is one message's whole
 * trip: a tell to one actor of many, then drain(), which hands it to that actor's receive. Real
 * actor systems hold many actors and few of them have mail at any moment (a chat server's rooms,
 * an Orleans silo's grains), and traffic is skewed: the targets follow Zipf's law (s = 1, seeded),
 * a few busy actors and a long tail of quiet ones. What decides is what the dispatcher pays per
 * message for the actors that have no mail: nothing, with a queue of the actors that have work; a
 * scan of all of them, with the obvious loop.
 */
import { defineBench, zipfIndexes } from "#kata/bench";
import type * as ActorModule from "./src/actor-system";
import { fastqActors } from "./peers";

type Api = Pick<typeof ActorModule, "ActorSystem">;

function tellAndDrain(api: Api, actors: number): () => unknown {
  const system = new api.ActorSystem();
  const totals = new Float64Array(actors);
  const refs = Array.from({ length: actors }, (_, i) =>
    system.spawn<number>(`account-${i}`, () => ({
      receive(amount) {
        totals[i] = (totals[i] as number) + amount;
      },
    })),
  );
  const order = zipfIndexes(1 << 16, actors, 1, 7);
  let next = 0;
  return () => {
    next = (next + 1) & (order.length - 1);
    const ref = refs[order[next] as number] as ActorModule.ActorRef<number>;
    ref.tell(next & 7);
    return system.drain();
  };
}

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "tell and handle, 10,000 actors",
      unit: "msgs",
      setup: (api) => tellAndDrain(api, 10_000),
    },
    {
      kind: "scaling",
      name: "scaling, 100 to 10,000 actors",
      unit: "msgs",
      small: { label: "100 actors", setup: (api) => tellAndDrain(api, 100) },
      large: { label: "10,000 actors", setup: (api) => tellAndDrain(api, 10_000) },
    },
  ],
  peers: [{ name: "fastq 1 (npm), one queue per actor", api: fastqActors }],
});
