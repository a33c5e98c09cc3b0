/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { LOOKALIKES, callsOf, sampleFile } from "./media-fixtures";
import { mustRun, outcomeOf, setup, uploadOf } from "./media-test-kit";
import { MediaError } from "./src/errors";
import { fitWithin } from "./src/fit";
import {
  MediaPipeline,
  type MediaPipelineOptions,
  type MediaStatus,
  type Size,
  type Upload,
} from "./src/media-pipeline";
import { MP4_BRANDS } from "./src/media-types";
import { MemoryObjectStore } from "./src/object-store";
import { sniffMediaType } from "./src/sniff";

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

/** A file: `head`, then filler up to 64 bytes. */
function fileOf(head: number[], length = 64): Uint8Array {
  const bytes = new Uint8Array(length).fill(0x41);
  bytes.set(head);
  return bytes;
}

describe("sniffing, beyond the samples", () => {
  test("every MP4 brand is an MP4, whatever the box size in bytes 0-3", () => {
    for (const brand of MP4_BRANDS) {
      for (const size of [
        [0, 0, 0, 0x20],
        [0, 0, 1, 0],
        [0xff, 0xff, 0xff, 0xff],
      ]) {
        const got = sniffMediaType(fileOf([...size, ...ascii("ftyp"), ...ascii(brand)]));
        ensure(got === "video/mp4", `an ftyp box with major brand ${JSON.stringify(brand)} gave ${got}, not video/mp4`);
      }
    }
  });

  test.each(["qt  ", "heic", "mif1", "avif", "3gp4", "crx ", "M4A "])(
    'an ftyp box with brand "%s" is not an MP4: MP4 needs "ftyp" and an MP4 brand at byte 8',
    (brand) => {
      expect(sniffMediaType(fileOf([0, 0, 0, 0x18, ...ascii("ftyp"), ...ascii(brand)]))).toBeUndefined();
    },
  );

  test('"ftyp" must be at byte 4 and the brand at byte 8, not anywhere else', () => {
    expect(sniffMediaType(fileOf([...ascii("ftypisom")]))).toBeUndefined();
    expect(sniffMediaType(fileOf([0, 0, 0, 0x18, 0, ...ascii("ftypisom")]))).toBeUndefined();
    expect(sniffMediaType(fileOf([0, 0, 0, 0x18, ...ascii("ftyp"), 0, ...ascii("isom")]))).toBeUndefined();
  });

  test("a WebP's RIFF length (bytes 4-7) may be anything; its form type must be WEBP exactly", () => {
    expect(sniffMediaType(fileOf([...ascii("RIFF"), 0xff, 0xff, 0xff, 0xff, ...ascii("WEBP")]))).toBe("image/webp");
    expect(sniffMediaType(fileOf([...ascii("RIFF"), 0, 0, 0, 0, ...ascii("WEBp")]))).toBeUndefined();
    expect(sniffMediaType(fileOf([...ascii("RIFX"), 0, 0, 0, 0, ...ascii("WEBP")]))).toBeUndefined();
    expect(sniffMediaType(fileOf([...ascii("RIFF"), 0, 0, 0, 0, 0, ...ascii("WEBP")]))).toBeUndefined();
  });

  test("a JPEG is FF D8 FF whatever marker follows: JFIF, Exif, or a bare quantisation table", () => {
    for (const marker of [0xe0, 0xe1, 0xdb, 0xee]) {
      expect(sniffMediaType(fileOf([0xff, 0xd8, 0xff, marker]))).toBe("image/jpeg");
    }
    expect(sniffMediaType(fileOf([0xff, 0xd8, 0xfe]))).toBeUndefined();
    expect(sniffMediaType(fileOf([0xff, 0xd9, 0xff]))).toBeUndefined();
    expect(sniffMediaType(fileOf([0x00, 0xff, 0xd8, 0xff]))).toBeUndefined();
  });

  test("GIF87a is a GIF as much as GIF89a; each byte of the signature counts", () => {
    expect(sniffMediaType(fileOf(ascii("GIF87a")))).toBe("image/gif");
    expect(sniffMediaType(fileOf(ascii("GIF89b")))).toBeUndefined();
    expect(sniffMediaType(fileOf(ascii("gif89a")))).toBeUndefined();
  });

  test("each byte of the PNG signature counts, the last one included", () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    for (let i = 0; i < signature.length; i++) {
      const broken = signature.slice();
      broken[i] = (broken[i] as number) ^ 0x20;
      const got = sniffMediaType(fileOf(broken));
      ensure(
        got === undefined,
        `a PNG signature with byte ${i} changed was taken for ${got}: all eight bytes must match`,
      );
    }
  });

  test("a refusal of what is not a Uint8Array says what was given", () => {
    expect(messageOf(MediaError, () => sniffMediaType(null as unknown as Uint8Array))).toMatch(/Uint8Array.*null/);
    expect(messageOf(MediaError, () => sniffMediaType([0xff, 0xd8] as unknown as Uint8Array))).toMatch(/\bArray\b/);
    expect(messageOf(MediaError, () => sniffMediaType(42 as unknown as Uint8Array))).toMatch(/number/);
  });

  test("an ftyp box is needed at byte 4: a brand at byte 8 alone is not an MP4", () => {
    expect(sniffMediaType(fileOf([0, 0, 0, 0x18, ...ascii("moov"), ...ascii("isom")]))).toBeUndefined();
    expect(sniffMediaType(fileOf([0, 0, 0, 0x18, ...ascii("ftyq"), ...ascii("mp42")]))).toBeUndefined();
  });

  test("the bytes are read, never changed", () => {
    const bytes = sampleFile("video/mp4");
    const copy = bytes.slice();
    sniffMediaType(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe("fitWithin, more cases", () => {
  test("rounds halves up and keeps the side that limits exactly at the box", () => {
    // 4000x3000 into 150: 3000 x 0.0375 = 112.5 -> 113.
    expect(fitWithin({ width: 4000, height: 3000 }, { width: 150, height: 150 })).toEqual({ width: 150, height: 113 });
    // 1170x2532 into 640: the height limits; 1170 x 640/2532 = 295.7 -> 296.
    expect(fitWithin({ width: 1170, height: 2532 }, { width: 640, height: 640 })).toEqual({ width: 296, height: 640 });
    // One pixel over the box on one side only.
    expect(fitWithin({ width: 151, height: 100 }, { width: 150, height: 150 })).toEqual({ width: 150, height: 99 });
    expect(fitWithin({ width: 100, height: 151 }, { width: 150, height: 150 })).toEqual({ width: 99, height: 150 });
  });

  test("returns a new object, and leaves its arguments alone", () => {
    const size = { width: 100, height: 50 };
    const box = { width: 150, height: 150 };
    const got = fitWithin(size, box);
    expect(got).toEqual(size);
    expect(got).not.toBe(size);
    expect(size).toEqual({ width: 100, height: 50 });
  });

  test("refuses a missing size or box, and the message names which one", () => {
    expect(codeOf(MediaError, () => fitWithin(null as unknown as Size, { width: 1, height: 1 }))).toBe("INVALID_SIZE");
    expect(codeOf(MediaError, () => fitWithin({ width: 1, height: 1 }, undefined as unknown as Size))).toBe(
      "INVALID_SIZE",
    );
    expect(messageOf(MediaError, () => fitWithin({ width: 1, height: 1 }, { width: 0, height: 1 }))).toMatch(/\bbox\b/);
    expect(messageOf(MediaError, () => fitWithin({ width: 0, height: 1 }, { width: 1, height: 1 }))).toMatch(
      /\bsize\b/,
    );
  });
});

describe("uploads, more cases", () => {
  test("the client's file name never reaches a storage key, path tricks included", () => {
    const { pipeline, store } = setup();
    const status = pipeline.upload({
      owner: "alice",
      fileName: "../../etc/passwd.jpg",
      bytes: sampleFile("image/jpeg"),
    });
    expect(status.original).toBe("media/alice/1/original.jpg");
    expect(store.keys()).toEqual(["media/alice/1/original.jpg"]);
    const windows = pipeline.upload({
      owner: "alice",
      fileName: "C:\\fakepath\\IMG_1.JPG",
      bytes: sampleFile("image/jpeg"),
    });
    expect(windows.type).toBe("image/jpeg");
  });

  test("each type's original is stored with that type's extension, whatever the name's case or spelling", () => {
    const { pipeline } = setup();
    expect(pipeline.upload({ owner: "a", fileName: "x.JPEG", bytes: sampleFile("image/jpeg") }).original).toBe(
      "media/a/1/original.jpg",
    );
    expect(pipeline.upload({ owner: "a", fileName: "x.M4V", bytes: sampleFile("video/mp4") }).original).toBe(
      "media/a/2/original.mp4",
    );
    expect(pipeline.upload({ owner: "a", fileName: "x.webp", bytes: sampleFile("image/webp") }).original).toBe(
      "media/a/3/original.webp",
    );
    expect(pipeline.upload({ owner: "a", fileName: "x.gif", bytes: sampleFile("image/gif") }).original).toBe(
      "media/a/4/original.gif",
    );
  });

  test("a Buffer is accepted as bytes", () => {
    const { pipeline, store } = setup();
    const bytes = Buffer.from(sampleFile("image/gif", 100));
    const status = pipeline.upload({ owner: "bob_2", fileName: "a.gif", bytes });
    expect(status.byteLength).toBe(100);
    expect(store.get(status.original)).toEqual(bytes);
  });

  test("an upload of maxBytes 1 takes a 1-byte file no further than the type check", () => {
    const { pipeline } = setup({ maxBytes: 1 });
    expect(outcomeOf(() => pipeline.upload({ owner: "a", fileName: "a.jpg", bytes: new Uint8Array([0xff]) }))).toBe(
      "UNSUPPORTED_TYPE",
    );
    expect(
      outcomeOf(() => pipeline.upload({ owner: "a", fileName: "a.jpg", bytes: new Uint8Array([0xff, 0xd8]) })),
    ).toBe("FILE_TOO_LARGE");
  });

  test("each refusal's message names the file and what to do", () => {
    const { pipeline } = setup({ maxBytes: 100 });
    const empty = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "blank.jpg", bytes: new Uint8Array(0) }),
    );
    expect(empty).toContain("blank.jpg");
    expect(empty).toMatch(/empty|0 bytes/i);
    const unsupported = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "song.webp", bytes: LOOKALIKES.wav.bytes }),
    );
    for (const type of ["JPEG", "PNG", "GIF", "WebP", "MP4"]) expect(unsupported).toContain(type);
    const owner = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a/b", fileName: "x.jpg", bytes: sampleFile("image/jpeg") }),
    );
    expect(owner).toContain("a/b");
    const name = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: 7 as unknown as string, bytes: sampleFile("image/jpeg") }),
    );
    expect(name).toMatch(/fileName/);
    expect(owner).toMatch(/another user/);
    const bytes = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "x.jpg", bytes: "ffd8ff" as unknown as Uint8Array }),
    );
    expect(bytes).toMatch(/Uint8Array/);
    expect(bytes).toContain("x.jpg");
    const array = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "y.jpg", bytes: [0xff, 0xd8, 0xff] as unknown as Uint8Array }),
    );
    expect(array).toContain("y.jpg");
    for (const upload of ["a.jpg", 7, undefined]) {
      const none = messageOf(MediaError, () => pipeline.upload(upload as unknown as Upload));
      expect(none).toMatch(/owner, fileName, bytes/);
    }
  });

  test("the unsupported message shows the first bytes in two-digit hex and says the content decides", () => {
    const { pipeline } = setup();
    const message = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "blob.png", bytes: fileOf([0x00, 0x01, 0x0a, 0xff]) }),
    );
    expect(message).toContain("00 01 0a ff");
    expect(message).toMatch(/content/);
  });

  test("the mismatch message says what the name is", () => {
    const { pipeline } = setup();
    const message = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "cat.png", bytes: sampleFile("image/jpeg") }),
    );
    expect(message).toMatch(/named \.png/);
    expect(message).not.toMatch(/no extension/);
  });

  test("the storage failure's message says what failed and that nothing was kept", () => {
    const { pipeline, store } = setup();
    store.failPuts = () => true;
    const message = messageOf(MediaError, () => uploadOf(pipeline));
    expect(message).toContain("IMG_0001.jpg");
    expect(message).toContain("503 Slow Down");
    expect(message).toMatch(/again/);
  });
});

describe("attempts, more cases", () => {
  test("a probe that answers a size of 0 fails the attempt; the retry probes again", () => {
    const harness = setup({ retryDelayMs: 10 });
    const { processor, clock } = harness;
    processor.sizes.set(1, { width: 0, height: 0 });
    uploadOf(harness.pipeline);
    const first = mustRun(harness, "one upload");
    expect(first.state).toBe("retrying");
    expect(first.size).toBeUndefined();
    expect(first.error).toMatch(/width and a height/);
    processor.sizes.set(1, { width: 800, height: 600 });
    clock.now = 10;
    const second = mustRun(harness, "the retry");
    expect(second.state).toBe("ready");
    expect(second.size).toEqual({ width: 800, height: 600 });
    expect(processor.callsFor(1, "probe")).toHaveLength(2);
  });

  test("a probe that fails is retried, and once it answers the size is kept for later attempts", () => {
    const harness = setup({ retryDelayMs: 10, maxAttempts: 5 });
    const { processor, clock } = harness;
    processor.fail(1, "probe timeout", callsOf(1, "probe"));
    processor.fail(2, "render timeout", callsOf(1, "render"));
    uploadOf(harness.pipeline);
    let status = mustRun(harness, "attempt 1");
    while (status.state === "retrying") {
      clock.now = status.nextAttemptAt ?? clock.now;
      status = mustRun(harness, `attempt ${status.attempts + 1}`);
    }
    expect(status.state).toBe("ready");
    expect(status.attempts).toBe(4);
    expect(processor.callsFor(1, "probe")).toHaveLength(2);
  });

  test("the store failing on a variant fails the attempt like a render would", () => {
    const harness = setup({ retryDelayMs: 10 });
    const { store, clock } = harness;
    uploadOf(harness.pipeline);
    store.failPuts = (key) => key.endsWith("medium.jpg");
    const first = mustRun(harness, "one upload");
    expect(first).toMatchObject({ state: "retrying", error: "503 Slow Down writing media/alice/1/medium.jpg" });
    expect(first.variants.map((v) => v.name)).toEqual(["thumbnail", "small"]);
    store.failPuts = () => false;
    clock.now = 10;
    expect(mustRun(harness, "the retry").state).toBe("ready");
  });

  test("while a retry runs, the status still shows the last failure's error; a success clears it", () => {
    const harness = setup({ retryDelayMs: 10 });
    const { processor, clock, pipeline } = harness;
    uploadOf(pipeline);
    processor.fail(1, "first failure");
    mustRun(harness, "one upload");
    const seen: (string | undefined)[] = [];
    processor.during = (call) => seen.push(pipeline.status(call.id).error);
    clock.now = 10;
    const status = mustRun(harness, "the retry");
    expect(new Set(seen)).toEqual(new Set(["first failure"]));
    expect(status.error).toBeUndefined();
  });

  test("a whole life is announced in order: uploaded, retrying twice, failed", () => {
    const harness = setup({ retryDelayMs: 100, maxAttempts: 3 });
    const { processor, clock, events, pipeline } = harness;
    uploadOf(pipeline);
    processor.fail(3, "bad codec");
    for (const t of [0, 100, 300]) {
      clock.now = t;
      mustRun(harness, `t=${t}`);
    }
    expect(events).toEqual([
      { type: "uploaded", id: 1 },
      { type: "retrying", id: 1, attempt: 1, nextAttemptAt: 100, error: "bad codec" },
      { type: "retrying", id: 1, attempt: 2, nextAttemptAt: 300, error: "bad codec" },
      { type: "failed", id: 1, attempts: 3, error: "bad codec" },
    ]);
  });

  test("a retrying media shows the variants stored so far and its probed size", () => {
    const harness = setup();
    harness.processor.fail(1, "oom", (call) => call.kind === "render" && call.size?.width === 1080);
    uploadOf(harness.pipeline, "image/webp");
    mustRun(harness, "one upload");
    const status = harness.pipeline.status(1);
    expect(status.size).toEqual({ width: 4000, height: 3000 });
    expect(status.variants.map((v) => v.key)).toEqual([
      "media/alice/1/thumbnail.webp",
      "media/alice/1/small.webp",
      "media/alice/1/medium.webp",
    ]);
  });

  test("a failed media keeps its original, which delete then removes", () => {
    const harness = setup({ maxAttempts: 1 });
    const { pipeline, processor, store } = harness;
    processor.fail(1, "oom", (call) => call.kind === "render" && call.size?.width === 640);
    uploadOf(pipeline, "image/gif");
    expect(mustRun(harness, "one upload").state).toBe("failed");
    expect(store.keys()).toEqual(["media/alice/1/original.gif"]);
    pipeline.delete(1);
    expect(store.keys()).toEqual([]);
  });

  test("custom variants are rendered in their order and named in their keys", () => {
    const harness = setup({
      variants: [
        { name: "hd-720", width: 1280, height: 720 },
        { name: "sd", width: 640, height: 360 },
      ],
    });
    uploadOf(harness.pipeline, "video/mp4");
    harness.processor.sizes.set(1, { width: 1920, height: 1080 });
    const status = mustRun(harness, "one upload");
    expect(status.variants.map((v) => `${v.key} ${v.width}x${v.height}`)).toEqual([
      "media/alice/1/hd-720.mp4 1280x720",
      "media/alice/1/sd.mp4 640x360",
    ]);
  });

  test("runDue does not run a retry it scheduled itself; runNext after a ready media finds the next", () => {
    const harness = setup({ retryDelayMs: 1 });
    const { pipeline, processor } = harness;
    uploadOf(pipeline);
    uploadOf(pipeline);
    processor.fail(1, "x", callsOf(1));
    expect(pipeline.runDue()).toBe(2);
    expect(pipeline.status(1).state).toBe("retrying");
    expect(pipeline.status(2).state).toBe("ready");
    expect(pipeline.nextDueAt).toBe(1);
  });
});

describe("the queue's order, against a model", () => {
  type Step =
    | { kind: "upload" }
    | { kind: "advance"; ms: number }
    | { kind: "run"; fail: boolean | ((id: number, attempt: number) => boolean) }
    | { kind: "delete"; pick: number };

  interface ModelMedia {
    id: number;
    attempts: number;
    dueAt: number | undefined;
    state: MediaStatus["state"];
  }

  const MAX_ATTEMPTS = 4;
  const DELAY = 100;

  /** Plays `steps` on a pipeline and on a model of the rules, and compares them after each step. */
  function playAgainstModel(steps: Step[]): void {
    const harness = setup({
      retryDelayMs: DELAY,
      maxAttempts: MAX_ATTEMPTS,
      variants: [{ name: "thumb", width: 10, height: 10 }],
    });
    const { pipeline, processor, clock } = harness;
    let failNext = false;
    processor.during = () => {
      if (failNext) throw new Error("scripted failure");
    };
    const model = new Map<number, ModelMedia>();
    let nextId = 1;
    const log: string[] = [];
    for (const s of steps) {
      if (s.kind === "upload") {
        const id = uploadOf(pipeline).id;
        model.set(nextId, { id: nextId, attempts: 0, dueAt: clock.now, state: "queued" });
        log.push(`t=${clock.now} upload ${id}`);
        expect(id).toBe(nextId++);
      } else if (s.kind === "advance") {
        clock.now += s.ms;
      } else if (s.kind === "delete") {
        const ids = [...model.keys()];
        if (ids.length === 0) continue;
        const id = ids[s.pick % ids.length] as number;
        pipeline.delete(id);
        model.delete(id);
        log.push(`t=${clock.now} delete ${id}`);
      } else {
        const due = [...model.values()]
          .filter((m) => m.dueAt !== undefined && m.dueAt <= clock.now)
          .sort((a, b) => (a.dueAt as number) - (b.dueAt as number) || a.id - b.id);
        const expected = due[0];
        failNext =
          typeof s.fail === "boolean" ? s.fail : expected !== undefined && s.fail(expected.id, expected.attempts + 1);
        const got = pipeline.runNext();
        log.push(`t=${clock.now} run -> ${got?.id ?? "nothing"}${failNext ? " (fails)" : ""}`);
        ensure(
          got?.id === expected?.id,
          `runNext ran ${got?.id ?? "nothing"} where the job due longest (smallest due time <= now, then lowest id) is ` +
            `${expected?.id ?? "none"} (due at ${expected?.dueAt}). Last steps: ${log.slice(-40).join("; ")}`,
        );
        if (expected === undefined) continue;
        expected.attempts++;
        if (!failNext) Object.assign(expected, { state: "ready", dueAt: undefined });
        else if (expected.attempts < MAX_ATTEMPTS) {
          Object.assign(expected, { state: "retrying", dueAt: clock.now + DELAY * 2 ** (expected.attempts - 1) });
        } else Object.assign(expected, { state: "failed", dueAt: undefined });
        expect(got).toMatchObject({
          state: expected.state,
          attempts: expected.attempts,
          nextAttemptAt: expected.dueAt,
        });
      }
      const waiting = [...model.values()].filter((m) => m.dueAt !== undefined);
      expect(pipeline.queued).toBe(waiting.length);
      const first = waiting.length === 0 ? undefined : Math.min(...waiting.map((m) => m.dueAt as number));
      expect(pipeline.nextDueAt).toBe(first);
    }
  }

  test("runNext always runs the job due longest (ties by id), through uploads, failures, retries and deletes", () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 3, arbitrary: fc.constant<Step>({ kind: "upload" }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 700 }).map((ms): Step => ({ kind: "advance", ms })) },
      { weight: 4, arbitrary: fc.boolean().map((fail): Step => ({ kind: "run", fail })) },
      { weight: 1, arbitrary: fc.nat().map((pick): Step => ({ kind: "delete", pick })) },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => playAgainstModel(steps)),
      propertySettings(60),
    );
  });

  test("a burst of 150 uploads whose retries come due in a scrambled order is run in order of due time, then id", () => {
    // Media i fails its first (i * 7) % 4 attempts; the clock moves 0-24 ms between attempts, so
    // retries of 1, 2 and 4 backoffs come due interleaved with each other and with the backlog.
    const steps: Step[] = Array.from({ length: 150 }, (): Step => ({ kind: "upload" }));
    const fail = (id: number, attempt: number): boolean => attempt <= (id * 7) % 4;
    for (let i = 0; i < 700; i++) {
      steps.push({ kind: "advance", ms: (i * 13) % 25 });
      steps.push({ kind: "run", fail });
      if (i % 3 === 0) steps.push({ kind: "run", fail });
    }
    playAgainstModel(steps);
  });
});

describe("delete, more cases", () => {
  test("a media deleted from its own retrying event is never run again", () => {
    const harness = setup({
      retryDelayMs: 10,
      onEvent: (event) => {
        if (event.type === "retrying") harness.pipeline.delete(event.id);
      },
    });
    uploadOf(harness.pipeline);
    harness.processor.fail(1);
    mustRun(harness, "one upload");
    expect(harness.pipeline.queued).toBe(0);
    harness.clock.now = 1_000;
    expect(harness.pipeline.runDue()).toBe(0);
    expect(harness.store.keys()).toEqual([]);
  });

  test("deleting the media at the front of the queue uncovers the next one's due time", () => {
    const harness = setup();
    const { pipeline, clock } = harness;
    uploadOf(pipeline);
    clock.now = 40;
    uploadOf(pipeline);
    pipeline.delete(1);
    expect(pipeline.nextDueAt).toBe(40);
    expect(pipeline.queued).toBe(1);
    expect(mustRun(harness, "after the delete").id).toBe(2);
  });

  test("a ready media's delete leaves the others' objects alone", () => {
    const harness = setup();
    const { pipeline, store } = harness;
    uploadOf(pipeline, "image/jpeg", "ann");
    uploadOf(pipeline, "image/jpeg", "ann");
    pipeline.runDue();
    pipeline.delete(1);
    expect(store.keys().every((key) => key.startsWith("media/ann/2/"))).toBe(true);
    expect(store.keys()).toHaveLength(5);
  });

  test("the busy message says when a delete can be made", () => {
    const harness = setup();
    let message = "";
    harness.processor.during = (call) => {
      message = messageOf(MediaError, () => harness.pipeline.delete(call.id));
    };
    uploadOf(harness.pipeline);
    mustRun(harness, "one upload");
    expect(message).toMatch(/processed|processing/);
    expect(messageOf(MediaError, () => harness.pipeline.status(99))).toMatch(/status\(99\)/);
    expect(messageOf(MediaError, () => harness.pipeline.delete(98))).toMatch(/delete\(98\)/);
  });
});

describe("options, more cases", () => {
  const base = (): MediaPipelineOptions => ({
    store: new MemoryObjectStore(),
    processor: { probe: (): Size => ({ width: 1, height: 1 }), render: () => new Uint8Array(1) },
  });

  test.each([
    ["maxBytes", -1, "INVALID_MAX_BYTES"],
    ["maxBytes", Number.POSITIVE_INFINITY, "INVALID_MAX_BYTES"],
    ["maxBytes", "10MB", "INVALID_MAX_BYTES"],
    ["maxAttempts", -1, "INVALID_MAX_ATTEMPTS"],
    ["maxAttempts", Number.NaN, "INVALID_MAX_ATTEMPTS"],
    ["maxAttempts", Number.POSITIVE_INFINITY, "INVALID_MAX_ATTEMPTS"],
    ["retryDelayMs", Number.NaN, "INVALID_RETRY_DELAY"],
    ["retryDelayMs", "1000", "INVALID_RETRY_DELAY"],
    ["variants", "thumbnail", "INVALID_VARIANTS"],
    ["variants", [{ name: "-thumb", width: 1, height: 1 }], "INVALID_VARIANTS"],
    ["variants", [{ name: "thumb nail", width: 1, height: 1 }], "INVALID_VARIANTS"],
    ["variants", [{ name: "", width: 1, height: 1 }], "INVALID_VARIANTS"],
    ["variants", [{ name: 42, width: 1, height: 1 }], "INVALID_VARIANTS"],
    ["variants", [{ width: 1, height: 1 }], "INVALID_VARIANTS"],
    ["variants", [{ name: "t", width: 10, height: 1.5 }], "INVALID_VARIANTS"],
    ["variants", [{ name: "t", width: 10, height: -10 }], "INVALID_VARIANTS"],
  ])("%s = %p is refused with %s", (option, value, code) => {
    expect(codeOf(MediaError, () => new MediaPipeline({ ...base(), [option]: value }))).toBe(code);
  });

  test("the limits given are kept; a 1-attempt pipeline never retries; fractional backoffs are allowed", () => {
    const pipeline = new MediaPipeline({ ...base(), maxBytes: 5, maxAttempts: 1, retryDelayMs: 0.5 });
    expect([pipeline.maxBytes, pipeline.maxAttempts, pipeline.retryDelayMs]).toEqual([5, 1, 0.5]);
  });

  test("each option's message names the value given", () => {
    expect(messageOf(MediaError, () => new MediaPipeline({ ...base(), maxBytes: -7 }))).toContain("-7");
    expect(messageOf(MediaError, () => new MediaPipeline({ ...base(), maxAttempts: 2.5 }))).toContain("2.5");
    expect(messageOf(MediaError, () => new MediaPipeline({ ...base(), retryDelayMs: -3 }))).toContain("-3");
    const twice = messageOf(
      MediaError,
      () =>
        new MediaPipeline({
          ...base(),
          variants: [
            { name: "a", width: 1, height: 1 },
            { name: "a", width: 2, height: 2 },
          ],
        }),
    );
    expect(twice).toMatch(/"a"/);
    expect(twice).toMatch(/twice/);
    const box = messageOf(
      MediaError,
      () => new MediaPipeline({ ...base(), variants: [{ name: "b", width: 3, height: 0 }] }),
    );
    expect(box).toContain("3x0");
    const reserved = messageOf(
      MediaError,
      () => new MediaPipeline({ ...base(), variants: [{ name: "original", width: 3, height: 3 }] }),
    );
    expect(reserved).toMatch(/original/);
    expect(messageOf(MediaError, () => new MediaPipeline({ ...base(), variants: [] }))).toMatch(/at least one/);
  });

  test("without a clock the pipeline reads Date.now", () => {
    const spy = jest.spyOn(Date, "now").mockReturnValue(123_456);
    try {
      const pipeline = new MediaPipeline(base());
      const status = pipeline.upload({ owner: "a", fileName: "a.png", bytes: sampleFile("image/png") });
      expect(status.nextAttemptAt).toBe(123_456);
    } finally {
      spy.mockRestore();
    }
  });

  test("without a listener, events go nowhere and nothing breaks", () => {
    const pipeline = new MediaPipeline({ ...base(), clock: () => 0 });
    pipeline.upload({ owner: "a", fileName: "a.png", bytes: sampleFile("image/png") });
    expect(pipeline.runNext()?.state).toBe("ready");
  });
});
