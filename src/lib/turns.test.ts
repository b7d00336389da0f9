import { describe, expect, it } from "vitest";
import { yieldEvery } from "#src/lib/turns.ts";

/** Busy work on this thread for about `ms` milliseconds. */
const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("yieldEvery", () => {
  it("lets a timer run during long work, but not after every short step", async () => {
    let fired = 0;
    const timer = setInterval(() => fired++, 0);
    try {
      const pause = yieldEvery(8);
      // Short steps (well under the slice): no turn is given, the timer never runs.
      for (let i = 0; i < 20; i++) {
        spin(0.05);
        await pause();
      }
      expect(fired).toBe(0);
      // Steps of a few milliseconds: a turn every couple of steps, the timer runs meanwhile.
      for (let i = 0; i < 12; i++) {
        spin(4);
        await pause();
      }
      expect(fired).toBeGreaterThanOrEqual(3);
    } finally {
      clearInterval(timer);
    }
  });

  it("stops the work at the next step once its signal is aborted", async () => {
    const controller = new AbortController();
    const pause = yieldEvery(8, controller.signal);
    await pause();
    controller.abort(new Error("closing"));
    await expect(pause()).rejects.toThrow("closing");
  });
});
