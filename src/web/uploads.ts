import type { FastifyInstance, FastifyRequest } from "fastify";
import multipart, { type MultipartFile, type MultipartValue } from "@fastify/multipart";
import { appError } from "#src/lib/errors.ts";

/**
 * Multipart forms (file uploads): the whole form is read before the route runs, so the CSRF
 * check sees its token field; a file over the limit stops the upload with a 413.
 */
export async function registerUploads(app: FastifyInstance, limitMb: number) {
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: limitMb * 1024 * 1024, files: 1, fields: 30, fieldSize: 100_000, parts: 40, headerPairs: 200 },
  });
}

type Part = MultipartFile | MultipartValue;
const isPart = (v: unknown): v is Part => typeof v === "object" && v !== null && "type" in v && "fieldname" in v;

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
