import type { Server } from "node:http";
import { closeServer, ensure, listenOnLoopback } from "#kata/testing";
import { createServiceRegistryServer } from "./src/service-registry";

let server: Server | undefined;
afterAll(() => closeServer(server));

test("TODO(kata new): a grading-only case", async () => {
  server = createServiceRegistryServer();
  const base = await listenOnLoopback(server);
  const response = await fetch(`${base}/`);
  ensure(response.status === 200, `GET / answered ${response.status}; TODO(kata new): a message that teaches`);
});
