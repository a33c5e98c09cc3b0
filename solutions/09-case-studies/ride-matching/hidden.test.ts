import { ensure } from "#kata/testing";
import { RideMatching } from "./src/ride-matching";

test("TODO(kata new): a grading-only case", () => {
  ensure(new RideMatching().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});
