import { isAppError } from "#src/lib/errors.ts";

/** How a command ended: "resolved", or the catalogue code it was refused with (anything else is thrown again). */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "resolved";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}
