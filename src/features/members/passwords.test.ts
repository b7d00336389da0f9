import { describe, expect, it } from "vitest";
import { hashPassword, passwordSlots, verifyPassword } from "#src/features/members/passwords.ts";

describe("password hashing", () => {
  it("verifies right and wrong passwords, and unknown accounts, two at a time at most", async () => {
    const stored = await hashPassword("the right password");
    passwordSlots.resetPeak();
    const checks = Array.from({ length: 12 }, (_, i) => verifyPassword(i % 3 === 2 ? undefined : stored, i % 3 === 0 ? "the right password" : "a wrong one"));
    expect(passwordSlots.running).toBe(2);
    expect(await Promise.all(checks)).toEqual(Array.from({ length: 12 }, (_, i) => i % 3 === 0));
    expect(passwordSlots.peak).toBe(2);
    expect(passwordSlots.running).toBe(0);
    // An unknown account is refused even with the decoy's own password.
    expect(await verifyPassword(undefined, "decoy password that matches nothing")).toBe(false);
  });

  it("refuses work beyond the queue with UNAVAILABLE and a delay, then takes work again", async () => {
    const stored = await hashPassword("the right password");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hogs = Array.from({ length: 34 }, () => passwordSlots.run(() => held));
    expect([passwordSlots.running, passwordSlots.waiting]).toEqual([2, 32]);
    await expect(verifyPassword(stored, "the right password")).rejects.toMatchObject({ code: "UNAVAILABLE", status: 503, retryAfter: 2 });
    await expect(hashPassword("another password")).rejects.toMatchObject({ code: "UNAVAILABLE" });
    release();
    await Promise.all(hogs);
    expect([passwordSlots.running, passwordSlots.waiting]).toEqual([0, 0]);
    expect(await verifyPassword(stored, "the right password")).toBe(true);
  });
});
