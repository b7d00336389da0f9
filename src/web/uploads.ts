import type { FastifyInstance, FastifyRequest } from "fastify";
import multipart, { type MultipartFile, type MultipartValue } from "@fastify/multipart";
import { appError } from "#src/lib/errors.ts";

/**
 * Multipart forms (file uploads): the whole form is read before the route runs, so the CSRF
 * check sees its token field; a file over the limit stops the upload with a 413.
 */
export async function registerUploads(app: FastifyInstance, limitMb: number) {
  app.decorateRequest("bodyRead", false);
  app.addHook("preHandler", (request, _reply, done) => {
    request.bodyRead = true;
    done();
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: limitMb * 1024 * 1024, files: 1, fields: 30, fieldSize: 100_000, parts: 40, headerPairs: 200 },
  });
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set once the body has been parsed and handlers run; see isBrokenUpload. */
    bodyRead: boolean;
  }
}

/**
 * Whether an error is the parser's refusal of a malformed multipart body (busboy's "Unexpected
 * end of multipart data" and the like carry no code): the client's fault, a 400, not ours.
 */
export const isBrokenUpload = (request: FastifyRequest, error: unknown) =>
  !request.bodyRead && Boolean(request.headers["content-type"]?.startsWith("multipart/")) && !(error as { statusCode?: number }).statusCode && !(error instanceof Error && error.name === "AppError");

type Part = MultipartFile | MultipartValue;
/** Whether a body's value is a multipart part (a file or a field) rather than plain data. */
export const isPart = (v: unknown): v is Part => typeof v === "object" && v !== null && "type" in v && "fieldname" in v;

/** A field of a multipart body as text (the CSRF token, a language choice). */
export function multipartField(body: unknown, name: string): string | undefined {
  const part = (body as Record<string, unknown> | undefined)?.[name];
  if (isPart(part) && part.type === "field") return String(part.value);
  return typeof part === "string" ? part : undefined;
}

/** The one file of an upload form, read into memory (within the limit), or NO_FILE. */
export async function uploadedFile(request: FastifyRequest, name: string): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart()) throw appError("UNSUPPORTED_MEDIA_TYPE");
  const part = (request.body as Record<string, unknown> | undefined)?.[name];
  if (!isPart(part) || part.type !== "file") throw appError("NO_FILE");
  const data = await part.toBuffer();
  if (!data.length) throw appError("NO_FILE");
  return { filename: part.filename, data };
}
