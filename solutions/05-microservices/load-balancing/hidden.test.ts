import { ensure } from "#kata/testing";
import { LoadBalancer } from "./src/load-balancer";

test("placeholder", () => {
  ensure(new LoadBalancer("round-robin", [{ id: "a" }]).backends().length === 1, "one backend");
});
