import { codeOf, ensure } from "#kata/testing";
import { RideMatchingError } from "./src/errors";
import { RideMatching } from "./src/ride-matching";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new RideMatching().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new RideMatching();
  ensure(codeOf(RideMatchingError, () => subject.run("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
