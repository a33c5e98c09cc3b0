import { WorkQueue } from "./src/work-queue";

test("placeholder", () => {
  expect(new WorkQueue().size).toBe(0);
});
