/** Waits until `read()` shows `text` (a screen, a log), for at most `ms`; says what it saw if not. */
export async function waitFor(read: () => string, text: string | RegExp, ms = 60_000, pollMs = 50): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const seen = read();
    if (typeof text === "string" ? seen.includes(text) : text.test(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${String(text)}; the screen shows:\n${seen}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
