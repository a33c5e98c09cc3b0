import { codeOf, ensure } from "#kata/testing";
import { StreamWindowsError } from "./src/errors";
import { StreamWindows } from "./src/stream-windows";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new StreamWindows().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new StreamWindows();
  ensure(codeOf(StreamWindowsError, () => subject.run("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
