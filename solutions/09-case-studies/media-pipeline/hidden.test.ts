import { sniffMediaType } from "./src/sniff";
import { sampleFile } from "./media-fixtures";

test("placeholder", () => {
  expect(sniffMediaType(sampleFile("image/png"))).toBe("image/png");
});
