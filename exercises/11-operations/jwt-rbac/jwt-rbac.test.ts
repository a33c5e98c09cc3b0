import { codeOf, ensure } from "#kata/testing";
import { JwtRbacError } from "./src/errors";
import { JwtRbac } from "./src/jwt-rbac";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new JwtRbac().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new JwtRbac();
  ensure(codeOf(JwtRbacError, () => subject.run("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
