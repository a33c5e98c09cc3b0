import { ensure } from "#kata/testing";
import { WindowOperator } from "./src/window-operator";

test("placeholder", () => {
  ensure(new WindowOperator({ kind: "tumbling", size: 1 }).watermark() === -Infinity, "watermark starts at -Infinity");
});
