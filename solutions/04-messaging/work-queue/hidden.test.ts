import { codeOf, ensure } from "#kata/testing";
import { WorkQueueError } from "./src/errors";
import { WorkQueue } from "./src/work-queue";

test("TODO(kata new): a grading-only case", () => {
  ensure(new WorkQueue().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});
