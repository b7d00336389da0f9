import type { FastifyReply } from "fastify";
import { isAppError, type AppError } from "#src/lib/errors.ts";
import { sendPage, type Page } from "#src/web/render.ts";

/** The body of a form post as a plain object (never undefined or a string). */
export const formBody = (body: unknown): Record<string, unknown> =>
  body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

// Errors the person filling the form can fix: shown on the form itself, with the error's status.
const fixable = (e: AppError) => e.status === 400 || e.status === 401 || e.status === 409;

/**
 * Runs a form's action. When it fails with an error the user can fix (bad field, duplicate,
 * wrong password), the form is sent again with the messages and the error's 4xx status; the
 * action wrote nothing because every command runs in one transaction.
 */
export async function submitForm(reply: FastifyReply, action: () => Promise<unknown>, rerender: (error: AppError) => Page | Promise<Page>) {
  try {
    return await action();
  } catch (e) {
    if (isAppError(e) && fixable(e)) return sendPage(reply, await rerender(e), e.status);
    throw e;
  }
}
