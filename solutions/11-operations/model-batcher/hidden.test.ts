import { ensure } from "#kata/testing";
import { ModelBatcher } from "./src/model-batcher";

test("TODO(kata new): a grading-only case", () => {
  ensure(new ModelBatcher().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});
