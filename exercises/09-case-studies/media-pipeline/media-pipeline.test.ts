import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { LOOKALIKES, callsOf, sampleFile, type Lookalike } from "./media-fixtures";
import { mustRun, outcomeOf, setup, uploadOf } from "./media-test-kit";
import { MediaError } from "./src/errors";
import { fitWithin } from "./src/fit";
import { MediaPipeline, type MediaPipelineOptions, type Size } from "./src/media-pipeline";
import { MEDIA_TYPES, type MediaType } from "./src/media-types";
import { MemoryObjectStore } from "./src/object-store";
import { sniffMediaType } from "./src/sniff";

/** The signature bytes the spec names for each type (MP4: a length, "ftyp", then a brand). */
const SIGNATURE_LENGTH: Record<MediaType, number> = {
  "image/jpeg": 3,
  "image/png": 8,
  "image/gif": 6,
  "image/webp": 12,
  "video/mp4": 12,
};

describe("sniffMediaType: the type comes from the content's first bytes", () => {
  test.each(MEDIA_TYPES)("recognises %s by its signature", (type) => {
    expect(sniffMediaType(sampleFile(type))).toBe(type);
  });

  test.each(Object.keys(LOOKALIKES) as Lookalike[])("refuses a file that only looks like a media type: %s", (name) => {
    const { bytes, lesson } = LOOKALIKES[name];
    const got = sniffMediaType(bytes);
    ensure(got === undefined, `sniffMediaType gave ${got} for ${lesson}. It must give undefined.`);
  });

  test("needs every byte of a signature: a file cut short inside it is no type, one that is exactly the signature is", () => {
    for (const type of MEDIA_TYPES) {
      const whole = sampleFile(type);
      const length = SIGNATURE_LENGTH[type];
      for (let cut = 1; cut < length; cut++) {
        const got = sniffMediaType(whole.slice(0, cut));
        ensure(
          got === undefined,
          `the first ${cut} of the ${length} signature bytes of a ${type} file were taken for ${got}: ` +
            "a signature matches only when every one of its bytes is there",
        );
      }
      const exact = sniffMediaType(whole.slice(0, length));
      ensure(
        exact === type,
        `a file of exactly the ${length} signature bytes of ${type} gave ${exact}: nothing after the signature is needed`,
      );
    }
  });

  test("a Buffer is a Uint8Array and is sniffed the same; anything else is INVALID_UPLOAD", () => {
    expect(sniffMediaType(Buffer.from(sampleFile("image/png")))).toBe("image/png");
    expect(codeOf(MediaError, () => sniffMediaType("\xff\xd8\xff" as unknown as Uint8Array))).toBe("INVALID_UPLOAD");
    expect(codeOf(MediaError, () => sniffMediaType(null as unknown as Uint8Array))).toBe("INVALID_UPLOAD");
  });
});

describe("fitWithin: a variant's size", () => {
  test("scales down to fit the box, keeping the aspect ratio", () => {
    const box = { width: 1080, height: 1080 };
    expect(fitWithin({ width: 4000, height: 3000 }, box)).toEqual({ width: 1080, height: 810 });
    expect(fitWithin({ width: 3000, height: 4000 }, { width: 320, height: 320 })).toEqual({ width: 240, height: 320 });
    // Not a square box: the height limits this one, not the width.
    expect(fitWithin({ width: 1920, height: 1080 }, { width: 1280, height: 500 })).toEqual({ width: 889, height: 500 });
    // Rounded to the nearest pixel: 1000 x 150/1001 = 149.85 -> 150.
    expect(fitWithin({ width: 1001, height: 1000 }, { width: 150, height: 150 })).toEqual({ width: 150, height: 150 });
  });

  test("an image that already fits is never enlarged, up to exactly the box's size", () => {
    const box = { width: 150, height: 150 };
    for (const size of [
      { width: 100, height: 80 },
      { width: 150, height: 150 },
      { width: 150, height: 1 },
      { width: 1, height: 150 },
    ]) {
      const got = fitWithin(size, box);
      ensure(
        got.width === size.width && got.height === size.height,
        `fitWithin(${size.width}x${size.height}, 150x150) gave ${got.width}x${got.height}: a variant is never enlarged; ` +
          "an image that fits the box keeps its size (scaling it up only makes a blurry file bigger)",
      );
    }
  });

  test("a side never rounds down to 0 pixels: a 6000x10 panorama in a 150x150 box is 150x1", () => {
    expect(fitWithin({ width: 6000, height: 10 }, { width: 150, height: 150 })).toEqual({ width: 150, height: 1 });
    expect(fitWithin({ width: 10, height: 6000 }, { width: 150, height: 150 })).toEqual({ width: 1, height: 150 });
  });

  test("any size fits its box, keeps its shape within rounding, and never grows", () => {
    const side = fc.integer({ min: 1, max: 20_000 });
    fc.assert(
      fc.property(
        side,
        side,
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (w, h, bw, bh) => {
          const got = fitWithin({ width: w, height: h }, { width: bw, height: bh });
          const call = `fitWithin(${w}x${h}, ${bw}x${bh}) gave ${got.width}x${got.height}`;
          ensure(got.width <= bw && got.height <= bh, `${call}, which does not fit the box`);
          ensure(got.width <= w && got.height <= h, `${call}: a variant is never enlarged`);
          ensure(got.width >= 1 && got.height >= 1, `${call}: every side is at least 1 pixel`);
          const scale = Math.min(1, bw / w, bh / h);
          ensure(
            Math.abs(got.width - w * scale) <= 0.5 + 1e-9 || got.width === 1,
            `${call}: the width should be ${w} x ${scale.toFixed(4)} rounded, ${Math.round(w * scale)}`,
          );
          ensure(
            Math.abs(got.height - h * scale) <= 0.5 + 1e-9 || got.height === 1,
            `${call}: the height should be ${h} x ${scale.toFixed(4)} rounded, ${Math.round(h * scale)}`,
          );
        },
      ),
      propertySettings(300),
    );
  });

  test.each([
    [
      { width: 0, height: 10 },
      { width: 150, height: 150 },
    ],
    [
      { width: 10, height: -1 },
      { width: 150, height: 150 },
    ],
    [
      { width: 2.5, height: 10 },
      { width: 150, height: 150 },
    ],
    [
      { width: 10, height: 10 },
      { width: Number.NaN, height: 150 },
    ],
    [
      { width: 10, height: 10 },
      { width: 150, height: 0 },
    ],
  ])("refuses %p in %p with INVALID_SIZE", (size, box) => {
    expect(codeOf(MediaError, () => fitWithin(size, box))).toBe("INVALID_SIZE");
  });
});

describe("upload: what is accepted", () => {
  test("each type is accepted under each of its extensions, in any case; ids are 1, 2, 3, ...", () => {
    const { pipeline } = setup();
    const accepted: [string, MediaType][] = [
      ["IMG_0001.JPG", "image/jpeg"],
      ["scan.jpeg", "image/jpeg"],
      ["Screenshot.PNG", "image/png"],
      ["party.gif", "image/gif"],
      ["banner.WebP", "image/webp"],
      ["clip.mp4", "video/mp4"],
      ["clip.m4v", "video/mp4"],
    ];
    accepted.forEach(([fileName, type], i) => {
      const status = pipeline.upload({ owner: "alice", fileName, bytes: sampleFile(type) });
      expect(status).toMatchObject({ id: i + 1, fileName, type, state: "queued", attempts: 0 });
    });
  });

  test("the original is stored, byte for byte, under a key the pipeline makes, with the sniffed type's extension", () => {
    const { pipeline, store, clock } = setup();
    clock.now = 250;
    const bytes = sampleFile("image/jpeg", 300);
    const status = pipeline.upload({ owner: "alice", fileName: "Holiday Photo.JPEG", bytes });
    expect(status).toEqual({
      id: 1,
      owner: "alice",
      fileName: "Holiday Photo.JPEG",
      type: "image/jpeg",
      byteLength: 300,
      original: "media/alice/1/original.jpg",
      state: "queued",
      attempts: 0,
      nextAttemptAt: 250,
      size: undefined,
      variants: [],
      error: undefined,
    });
    expect(store.keys()).toEqual(["media/alice/1/original.jpg"]);
    expect(store.get("media/alice/1/original.jpg")).toEqual(bytes);
    expect(pipeline.status(1)).toEqual(status);
  });

  test("an upload is recorded, queued and announced", () => {
    const { pipeline, events } = setup();
    uploadOf(pipeline, "video/mp4");
    expect(pipeline.queued).toBe(1);
    expect(pipeline.nextDueAt).toBe(0);
    expect(events).toEqual([{ type: "uploaded", id: 1 }]);
  });

  test("the extension is what follows the last dot: holiday.2024.jpg is a .jpg", () => {
    const { pipeline } = setup();
    const status = pipeline.upload({ owner: "alice", fileName: "holiday.2024.jpg", bytes: sampleFile("image/jpeg") });
    expect(status.type).toBe("image/jpeg");
  });
});

describe("upload: what is refused", () => {
  test("a renamed file is refused: a JPEG named .png is TYPE_MISMATCH, a PDF named .jpg is UNSUPPORTED_TYPE", () => {
    const { pipeline } = setup();
    const jpegAsPng = outcomeOf(() =>
      pipeline.upload({ owner: "alice", fileName: "cat.png", bytes: sampleFile("image/jpeg") }),
    );
    const pdfAsJpg = outcomeOf(() =>
      pipeline.upload({ owner: "alice", fileName: "invoice.jpg", bytes: LOOKALIKES.pdf.bytes }),
    );
    const lesson =
      "the type must come from the content's first bytes, and the name must agree with it; a file's name is whatever the client typed";
    ensure(jpegAsPng === "TYPE_MISMATCH", `a JPEG named cat.png: ${jpegAsPng}, not TYPE_MISMATCH: ${lesson}`);
    ensure(pdfAsJpg === "UNSUPPORTED_TYPE", `a PDF named invoice.jpg: ${pdfAsJpg}, not UNSUPPORTED_TYPE: ${lesson}`);
  });

  test.each(["cat.jpg.exe", "cat", "cat.", "cat.gif"])("a JPEG named %s is TYPE_MISMATCH", (fileName) => {
    const { pipeline } = setup();
    expect(outcomeOf(() => pipeline.upload({ owner: "alice", fileName, bytes: sampleFile("image/jpeg") }))).toBe(
      "TYPE_MISMATCH",
    );
  });

  test("the mismatch message names the file, what its name says, what its content is, and the names that fit", () => {
    const { pipeline } = setup();
    const message = messageOf(MediaError, () =>
      pipeline.upload({ owner: "alice", fileName: "cat.png", bytes: sampleFile("image/jpeg") }),
    );
    expect(message).toContain("cat.png");
    expect(message).toContain("image/jpeg");
    expect(message).toMatch(/\.jpg\b/);
    expect(message).toMatch(/\.jpeg\b/);
    const none = messageOf(MediaError, () =>
      pipeline.upload({ owner: "alice", fileName: "cat", bytes: sampleFile("image/jpeg") }),
    );
    expect(none).toMatch(/no extension/i);
  });

  test("content that is none of the five types is UNSUPPORTED_TYPE, and the message shows its first bytes", () => {
    const { pipeline } = setup();
    expect(
      codeOf(MediaError, () => pipeline.upload({ owner: "a", fileName: "song.webp", bytes: LOOKALIKES.wav.bytes })),
    ).toBe("UNSUPPORTED_TYPE");
    const message = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "doc.jpg", bytes: LOOKALIKES.pdf.bytes }),
    );
    expect(message).toContain("doc.jpg");
    expect(message).toMatch(/25 50 44 46/); // "%PDF"
  });

  test("a file of exactly maxBytes is accepted; one byte more is FILE_TOO_LARGE", () => {
    const { pipeline } = setup({ maxBytes: 1_000 });
    const atLimit = outcomeOf(() =>
      pipeline.upload({ owner: "a", fileName: "a.png", bytes: sampleFile("image/png", 1_000) }),
    );
    ensure(
      !atLimit.startsWith("FILE"),
      `a file of exactly maxBytes (1,000 bytes) was refused with ${atLimit}: the limit is the largest size accepted, so exactly maxBytes is allowed`,
    );
    expect(
      codeOf(MediaError, () =>
        pipeline.upload({ owner: "a", fileName: "b.png", bytes: sampleFile("image/png", 1_001) }),
      ),
    ).toBe("FILE_TOO_LARGE");
  });

  test("the too-large message gives the file's size and the limit", () => {
    const { pipeline } = setup({ maxBytes: 1_000 });
    const message = messageOf(MediaError, () =>
      pipeline.upload({ owner: "a", fileName: "big.png", bytes: sampleFile("image/png", 1_234) }),
    );
    expect(message).toContain("big.png");
    expect(message).toContain("1234");
    expect(message).toContain("1000");
  });

  test("the size is checked before the type: an oversized PDF is FILE_TOO_LARGE; an empty file is EMPTY_FILE", () => {
    const { pipeline } = setup({ maxBytes: 32 });
    expect(
      codeOf(MediaError, () => pipeline.upload({ owner: "a", fileName: "x.pdf", bytes: LOOKALIKES.pdf.bytes })),
    ).toBe("FILE_TOO_LARGE");
    expect(codeOf(MediaError, () => pipeline.upload({ owner: "a", fileName: "x.jpg", bytes: new Uint8Array(0) }))).toBe(
      "EMPTY_FILE",
    );
  });

  test.each([
    ["an empty owner", { owner: "", fileName: "a.jpg" }],
    ["an owner with a slash", { owner: "alice/../bob", fileName: "a.jpg" }],
    ["an owner with a dot", { owner: "..", fileName: "a.jpg" }],
    ["a numeric owner", { owner: 42, fileName: "a.jpg" }],
    ["an empty file name", { owner: "alice", fileName: "" }],
    ["a missing file name", { owner: "alice" }],
  ])("%s is INVALID_UPLOAD", (_, fields) => {
    const { pipeline } = setup();
    const upload = { bytes: sampleFile("image/jpeg"), ...fields } as unknown as Parameters<MediaPipeline["upload"]>[0];
    expect(codeOf(MediaError, () => pipeline.upload(upload))).toBe("INVALID_UPLOAD");
  });

  test("bytes that are not a Uint8Array, or no upload at all, are INVALID_UPLOAD", () => {
    const { pipeline } = setup();
    for (const upload of [{ owner: "a", fileName: "a.jpg", bytes: [0xff, 0xd8, 0xff] }, null, "a.jpg"]) {
      expect(
        codeOf(MediaError, () => pipeline.upload(upload as unknown as Parameters<MediaPipeline["upload"]>[0])),
      ).toBe("INVALID_UPLOAD");
    }
  });

  test("a refused upload changes nothing: no id taken, nothing stored, queued or announced", () => {
    const { pipeline, store, events } = setup({ maxBytes: 1_000 });
    const refused = [
      { owner: "alice", fileName: "cat.png", bytes: sampleFile("image/jpeg") },
      { owner: "alice", fileName: "big.jpg", bytes: sampleFile("image/jpeg", 1_001) },
      { owner: "alice", fileName: "doc.jpg", bytes: LOOKALIKES.pdf.bytes },
    ];
    for (const upload of refused) expect(() => pipeline.upload(upload)).toThrow(MediaError);
    expect(store.keys()).toEqual([]);
    expect(pipeline.queued).toBe(0);
    expect(events).toEqual([]);
    expect(uploadOf(pipeline).id).toBe(1);
  });

  test("when the store refuses the original, the upload is STORAGE_FAILED and nothing is recorded or queued", () => {
    const harness = setup();
    const { pipeline, store, events } = harness;
    store.failPuts = (key) => key.endsWith("original.jpg");
    expect(outcomeOf(() => uploadOf(pipeline))).toBe("STORAGE_FAILED");
    const leftovers = [
      pipeline.queued > 0 ? `${pipeline.queued} job(s) queued` : "",
      events.length > 0 ? `events ${JSON.stringify(events)}` : "",
      outcomeOf(() => pipeline.status(1)) !== "UNKNOWN_MEDIA" ? "a record for media 1" : "",
    ].filter((s) => s !== "");
    ensure(
      leftovers.length === 0,
      `the store refused the original, yet the pipeline kept ${leftovers.join(", ")}: the job was queued (or the media recorded) ` +
        "before the original was stored, so a worker will look for a file that does not exist. Store first, then record and queue.",
    );
    store.failPuts = () => false;
    expect(uploadOf(pipeline).id).toBe(1);
  });
});

describe("processing", () => {
  test("with nothing due, runNext gives undefined and runDue runs nothing", () => {
    const { pipeline } = setup();
    expect(pipeline.runNext()).toBeUndefined();
    expect(pipeline.runDue()).toBe(0);
    expect(pipeline.nextDueAt).toBeUndefined();
  });

  test("an attempt probes the original, renders each variant at its fitted size in order, stores it, and is ready", () => {
    const harness = setup();
    const { pipeline, store, processor, events } = harness;
    uploadOf(pipeline, "image/png");
    const status = mustRun(harness, "one PNG uploaded");
    expect(processor.calls).toEqual([
      { kind: "probe", id: 1 },
      { kind: "render", id: 1, size: { width: 150, height: 113 } },
      { kind: "render", id: 1, size: { width: 320, height: 240 } },
      { kind: "render", id: 1, size: { width: 640, height: 480 } },
      { kind: "render", id: 1, size: { width: 1080, height: 810 } },
    ]);
    expect(status).toMatchObject({ state: "ready", attempts: 1, nextAttemptAt: undefined, error: undefined });
    expect(status.size).toEqual({ width: 4000, height: 3000 });
    expect(status.variants).toEqual([
      { name: "thumbnail", key: "media/alice/1/thumbnail.png", width: 150, height: 113, byteLength: 1059 },
      { name: "small", key: "media/alice/1/small.png", width: 320, height: 240, byteLength: 4800 },
      { name: "medium", key: "media/alice/1/medium.png", width: 640, height: 480, byteLength: 19200 },
      { name: "large", key: "media/alice/1/large.png", width: 1080, height: 810, byteLength: 54675 },
    ]);
    expect(store.keys()).toEqual([
      "media/alice/1/large.png",
      "media/alice/1/medium.png",
      "media/alice/1/original.png",
      "media/alice/1/small.png",
      "media/alice/1/thumbnail.png",
    ]);
    expect(pipeline.queued).toBe(0);
    expect(events).toEqual([
      { type: "uploaded", id: 1 },
      { type: "ready", id: 1 },
    ]);
  });

  test("a small original is never enlarged: every variant of a 100x80 image is 100x80", () => {
    const harness = setup();
    harness.processor.sizes.set(1, { width: 100, height: 80 });
    uploadOf(harness.pipeline);
    const status = mustRun(harness, "one upload");
    const sizes = status.variants.map((v) => `${v.name} ${v.width}x${v.height}`);
    ensure(
      status.variants.every((v) => v.width === 100 && v.height === 80),
      `variants of a 100x80 original: ${sizes.join(", ")}; a variant is never enlarged past the original`,
    );
  });

  test("jobs run in upload order, one per runNext; runDue runs every due one", () => {
    const harness = setup();
    const { pipeline } = harness;
    for (const owner of ["ann", "bob", "cat"]) uploadOf(pipeline, "image/jpeg", owner);
    expect(mustRun(harness, "three uploads").id).toBe(1);
    expect(pipeline.queued).toBe(2);
    expect(pipeline.runDue()).toBe(2);
    expect([1, 2, 3].map((id) => pipeline.status(id).state)).toEqual(["ready", "ready", "ready"]);
  });

  test("while an attempt runs, the media is processing and the attempt is already counted", () => {
    const harness = setup();
    const seen: string[] = [];
    harness.processor.during = (call) => {
      const status = harness.pipeline.status(call.id);
      seen.push(`${call.kind}: ${status.state}, attempts ${status.attempts}`);
    };
    uploadOf(harness.pipeline);
    mustRun(harness, "one upload");
    expect(new Set(seen)).toEqual(new Set(["probe: processing, attempts 1", "render: processing, attempts 1"]));
  });

  test('"ready" is announced only once the status shows the media ready, with every variant', () => {
    const harness = setup({
      onEvent: (event) => {
        if (event.type !== "ready") return;
        const status = harness.pipeline.status(event.id);
        ensure(
          status.state === "ready" && status.variants.length === 4,
          `a listener got "ready" for media ${event.id} and read state ${status.state} with ${status.variants.length} of 4 variants: ` +
            'the event was announced before the record was updated. A feed service that reacts to "ready" would show a broken photo.',
        );
      },
    });
    uploadOf(harness.pipeline);
    mustRun(harness, "one upload");
    expect(harness.pipeline.status(1).state).toBe("ready");
  });

  test("status is a snapshot: changing it, or what upload returned, changes nothing in the pipeline", () => {
    const harness = setup();
    const uploaded = uploadOf(harness.pipeline) as unknown as { state: string };
    uploaded.state = "ready";
    mustRun(harness, "one upload");
    const status = harness.pipeline.status(1);
    (status.variants as unknown[]).length = 0;
    expect(harness.pipeline.status(1).variants).toHaveLength(4);
  });
});

describe("retries", () => {
  test("a failed attempt is retried after the backoff: retrying, the error kept, the next attempt scheduled and announced", () => {
    const harness = setup({ retryDelayMs: 1_000 });
    const { pipeline, processor, clock, events } = harness;
    uploadOf(pipeline);
    processor.fail(1, "libvips: out of memory", callsOf(1, "render"));
    clock.now = 100;
    const status = mustRun(harness, "one upload");
    expect(status).toMatchObject({
      state: "retrying",
      attempts: 1,
      nextAttemptAt: 1_100,
      error: "libvips: out of memory",
    });
    expect(pipeline.queued).toBe(1);
    expect(pipeline.nextDueAt).toBe(1_100);
    expect(events.at(-1)).toEqual({
      type: "retrying",
      id: 1,
      attempt: 1,
      nextAttemptAt: 1_100,
      error: "libvips: out of memory",
    });
  });

  test("a retry is not run before its due instant, and runs at its due instant itself", () => {
    const harness = setup({ retryDelayMs: 1_000 });
    const { pipeline, processor, clock } = harness;
    uploadOf(pipeline);
    processor.fail(1);
    mustRun(harness, "one upload");
    clock.now = 999;
    const early = pipeline.runNext();
    ensure(
      early === undefined,
      `at t=999 runNext ran media ${early?.id}, whose retry is due at t=1000: a retry waits for its backoff`,
    );
    clock.now = 1_000;
    const onTime = pipeline.runNext();
    ensure(
      onTime !== undefined,
      "at t=1000 runNext found nothing due, but the retry is due at t=1000: a job is due at its due instant itself (dueAt <= now)",
    );
    expect(onTime.state).toBe("ready");
  });

  test("the backoff doubles: 1 s, 2 s, 4 s after the 1st, 2nd and 3rd failures", () => {
    const harness = setup({ retryDelayMs: 1_000, maxAttempts: 4 });
    const { pipeline, processor, clock } = harness;
    uploadOf(pipeline);
    processor.fail(3);
    const retries: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const status = mustRun(harness, `attempt ${attempt}`);
      retries.push((status.nextAttemptAt ?? Number.NaN) - clock.now);
      clock.now = status.nextAttemptAt ?? clock.now;
    }
    expect(retries).toEqual([1_000, 2_000, 4_000]);
    expect(mustRun(harness, "the 4th attempt").state).toBe("ready");
  });

  test("the backoff counts from when the attempt failed, not from when it started", () => {
    const harness = setup({ retryDelayMs: 1_000 });
    const { processor, clock } = harness;
    uploadOf(harness.pipeline);
    processor.during = (call) => {
      if (call.kind === "render") clock.now += 100; // each render takes 100 ms
    };
    processor.fail(1, "encoder crashed", (call) => call.kind === "render" && call.size?.width === 640);
    const status = mustRun(harness, "one upload");
    expect(status.nextAttemptAt).toBe(300 + 1_000);
  });

  test("a retry resumes: it renders only the variants not stored yet, and does not probe again", () => {
    const harness = setup();
    const { processor, clock } = harness;
    uploadOf(harness.pipeline);
    processor.fail(1, "timeout", (call) => call.kind === "render" && call.size?.width === 640);
    const failed = mustRun(harness, "one upload");
    expect(failed.variants.map((v) => v.name)).toEqual(["thumbnail", "small"]);
    processor.calls.length = 0;
    clock.now = failed.nextAttemptAt ?? 0;
    const status = mustRun(harness, "the retry");
    expect(processor.calls.map((c) => (c.kind === "probe" ? "probe" : `render ${c.size?.width}`))).toEqual([
      "render 640",
      "render 1080",
    ]);
    expect(status.variants.map((v) => v.name)).toEqual(["thumbnail", "small", "medium", "large"]);
    expect(status).toMatchObject({ state: "ready", attempts: 2, error: undefined });
  });

  test("after maxAttempts attempts in all, the media is failed: no more attempts, the last error kept, announced", () => {
    for (const maxAttempts of [1, 3]) {
      const harness = setup({ maxAttempts, retryDelayMs: 10 });
      const { pipeline, processor, clock, events } = harness;
      uploadOf(pipeline);
      processor.fail(Number.POSITIVE_INFINITY, "corrupt header", callsOf(1, "probe"));
      for (let t = 0; t <= 10_000; t += 10) {
        clock.now = t;
        pipeline.runDue();
      }
      const probes = processor.callsFor(1, "probe").length;
      ensure(
        probes === maxAttempts,
        `with maxAttempts ${maxAttempts} and a probe that always fails, the pipeline made ${probes} attempts: ` +
          `maxAttempts counts attempts in all, the first one included (${maxAttempts} attempts in all, so ${maxAttempts - 1} retries)`,
      );
      expect(pipeline.status(1)).toMatchObject({
        state: "failed",
        attempts: maxAttempts,
        nextAttemptAt: undefined,
        error: "corrupt header",
      });
      expect(pipeline.queued).toBe(0);
      expect(events.at(-1)).toEqual({ type: "failed", id: 1, attempts: maxAttempts, error: "corrupt header" });
    }
  });

  test("a failed media leaves only its original in the store: the variants its attempts stored are deleted", () => {
    const harness = setup({ maxAttempts: 2, retryDelayMs: 10 });
    const { pipeline, processor, store, clock } = harness;
    uploadOf(pipeline);
    processor.fail(2, "disk full", (call) => call.kind === "render" && call.size?.width === 1080);
    mustRun(harness, "one upload");
    clock.now = 10;
    const status = mustRun(harness, "the retry");
    expect(status.state).toBe("failed");
    const left = store.keys().filter((key) => !key.endsWith("original.jpg"));
    ensure(
      left.length === 0,
      `media 1 failed for good, and ${left.join(", ")} were left in the store: nothing points at them any more, ` +
        "so they are orphans that cost storage forever. A media that fails deletes the variants it stored.",
    );
    expect(status.variants).toEqual([]);
    expect(store.keys()).toEqual(["media/alice/1/original.jpg"]);
  });

  test("a job waiting for its retry does not hold back the uploads behind it; order is by due time, then id", () => {
    const harness = setup({ retryDelayMs: 1_000 });
    const { pipeline, processor, clock } = harness;
    uploadOf(pipeline); // id 1, fails at t=0, retry due at t=1000
    processor.fail(1, "flaky", callsOf(1));
    mustRun(harness, "the first upload");
    clock.now = 500;
    uploadOf(pipeline); // id 2, due at 500
    const next = pipeline.runNext();
    ensure(
      next?.id === 2,
      `at t=500, with media 1 waiting for its retry at t=1000 and media 2 uploaded at t=500, runNext ran ${next?.id ?? "nothing"}: ` +
        "a retry that is not due must not hold back the uploads queued behind it",
    );
    clock.now = 1_000;
    uploadOf(pipeline); // id 3, due at 1000, like media 1's retry
    expect(pipeline.runNext()?.id).toBe(1);
    expect(pipeline.runNext()?.id).toBe(3);
  });
});

describe("delete", () => {
  test("delete removes the original, every variant and the record", () => {
    const harness = setup();
    const { pipeline, store } = harness;
    uploadOf(pipeline);
    uploadOf(pipeline, "image/gif", "bob");
    mustRun(harness, "two uploads");
    pipeline.delete(1);
    expect(store.keys().filter((key) => key.startsWith("media/alice/"))).toEqual([]);
    expect(codeOf(MediaError, () => pipeline.status(1))).toBe("UNKNOWN_MEDIA");
    expect(codeOf(MediaError, () => pipeline.delete(1))).toBe("UNKNOWN_MEDIA");
    expect(pipeline.status(2).state).toBe("queued");
  });

  test("a deleted media's waiting job never runs", () => {
    const harness = setup({ retryDelayMs: 1_000 });
    const { pipeline, processor, store, clock } = harness;
    uploadOf(pipeline);
    processor.fail(1);
    mustRun(harness, "one upload");
    uploadOf(pipeline, "image/png", "bob");
    pipeline.delete(1); // retrying, due at 1000
    pipeline.delete(2); // queued, due now
    expect(pipeline.queued).toBe(0);
    expect(pipeline.nextDueAt).toBeUndefined();
    processor.calls.length = 0;
    clock.now = 5_000;
    expect(pipeline.runDue()).toBe(0);
    expect(processor.calls).toEqual([]);
    expect(store.keys()).toEqual([]);
  });

  test("a media cannot be deleted while its attempt runs: MEDIA_BUSY", () => {
    const harness = setup();
    const outcomes: string[] = [];
    harness.processor.during = (call) => outcomes.push(outcomeOf(() => harness.pipeline.delete(call.id)));
    uploadOf(harness.pipeline);
    mustRun(harness, "one upload");
    expect(new Set(outcomes)).toEqual(new Set(["MEDIA_BUSY"]));
    expect(harness.pipeline.status(1).state).toBe("ready");
  });

  test("status and delete of an id never issued are UNKNOWN_MEDIA, and the message names the id", () => {
    const { pipeline } = setup();
    expect(codeOf(MediaError, () => pipeline.status(7))).toBe("UNKNOWN_MEDIA");
    expect(messageOf(MediaError, () => pipeline.delete(7))).toContain("7");
  });
});

describe("options", () => {
  const base = (): MediaPipelineOptions => ({
    store: new MemoryObjectStore(),
    processor: { probe: (): Size => ({ width: 1, height: 1 }), render: () => new Uint8Array(1) },
  });

  test("defaults: 10 MiB, 3 attempts, 1 s backoff, thumbnail/small/medium/large", () => {
    const pipeline = new MediaPipeline(base());
    expect(pipeline.maxBytes).toBe(10 * 1024 * 1024);
    expect(pipeline.maxAttempts).toBe(3);
    expect(pipeline.retryDelayMs).toBe(1_000);
    expect(pipeline.variants.map((v) => `${v.name} ${v.width}x${v.height}`)).toEqual([
      "thumbnail 150x150",
      "small 320x320",
      "medium 640x640",
      "large 1080x1080",
    ]);
  });

  test.each([
    ["maxBytes", 0, "INVALID_MAX_BYTES"],
    ["maxBytes", 1.5, "INVALID_MAX_BYTES"],
    ["maxBytes", Number.NaN, "INVALID_MAX_BYTES"],
    ["maxAttempts", 0, "INVALID_MAX_ATTEMPTS"],
    ["maxAttempts", 2.5, "INVALID_MAX_ATTEMPTS"],
    ["retryDelayMs", 0, "INVALID_RETRY_DELAY"],
    ["retryDelayMs", -5, "INVALID_RETRY_DELAY"],
    ["retryDelayMs", Number.POSITIVE_INFINITY, "INVALID_RETRY_DELAY"],
    ["variants", [], "INVALID_VARIANTS"],
    ["variants", [{ name: "Thumb", width: 150, height: 150 }], "INVALID_VARIANTS"],
    ["variants", [{ name: "original", width: 150, height: 150 }], "INVALID_VARIANTS"],
    ["variants", [{ name: "thumb", width: 0, height: 150 }], "INVALID_VARIANTS"],
    [
      "variants",
      [
        { name: "thumb", width: 150, height: 150 },
        { name: "thumb", width: 300, height: 300 },
      ],
      "INVALID_VARIANTS",
    ],
  ])("%s = %p is refused with %s", (option, value, code) => {
    expect(codeOf(MediaError, () => new MediaPipeline({ ...base(), [option]: value }))).toBe(code);
  });

  test("the maxAttempts message says it counts the first attempt", () => {
    expect(messageOf(MediaError, () => new MediaPipeline({ ...base(), maxAttempts: 0 }))).toMatch(/first/);
  });
});
