// The error catalogue: every failure a person or a program may see has a stable code, an HTTP
// status and a message in the catalogs (key `error.<CODE>`), written so the reader can act on it.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_CHARACTERS: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  EMAIL_TAKEN: 409,
  INVITATION_STATE: 409,
  RESET_STATE: 409,
  ORGANIZATION_NAME_TAKEN: 409,
  SETUP_ALREADY_DONE: 409,
  LAST_ADMIN: 409,
  STALE_REVISION: 409,
  SLUG_TAKEN: 409,
  LANGUAGE_NOT_IN_REPORT: 404,
  EDITION_LABEL_TAKEN: 409,
  EDITION_STATUS: 409,
  EDITION_IMMUTABLE: 409,
  PUBLISH_BLOCKED: 409,
  WARNINGS_NOT_ACKNOWLEDGED: 409,
  CONFIRMATION_MISMATCH: 422,
  EDITION_CHANGED: 409,
  JOB_IN_PROGRESS: 409,
  MAIL_STATE: 409,
  MAIL_LINK_INVALID: 409,
  SMTP_NOT_CONFIGURED: 409,
  PRECONDITION_REQUIRED: 428,
  TOKEN_SCOPE: 403,
  CASE_STUDY_STATE: 409,
  CASE_STUDY_LOCKED: 409,
  STALE_VERSION: 409,
  NO_ORGANIZATION: 403,
  NO_FILE: 400,
  DOCUMENT_UNREADABLE: 400,
  UNSAFE_ARCHIVE: 400,
  SPREADSHEET_UNREADABLE: 400,
  UNSAFE_SPREADSHEET: 400,
  TOO_COMPLEX: 422,
  FILE_TYPE_NOT_ALLOWED: 415,
  SURVEY_STATE: 409,
  SURVEY_CLOSED: 409,
  RESPONSE_LOCKED: 409,
  NOT_INVITED: 403,
  RECOMMENDATION_RETIRED: 409,
  ROUND_CLOSED: 409,
  ROUND_NOT_OPEN: 409,
  ROUND_HAS_OPEN_COMMENTS: 409,
  SUGGESTION_NOT_FOUND: 409,
  SUGGESTION_AMBIGUOUS: 409,
  SUGGESTION_DISPOSED: 409,
  PROPOSAL_DECIDED: 409,
  OWN_PROPOSAL: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → message key, for forms and JSON validation errors. */
export type FieldErrors = Record<string, string>;

/** An expected failure: carries its catalogue code and, for validation, the faulty fields. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldErrors = {},
    /** Seconds after which trying again may succeed, sent as Retry-After. */
    readonly retryAfter?: number,
    /** What a program needs to act on the refusal (the findings that block a publish), sent in the JSON answer. */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

/** Builds an AppError; `fields` says which inputs were wrong and why (message keys). */
export const appError = (code: ErrorCode, fields?: FieldErrors, details?: unknown) => new AppError(code, fields, undefined, details);

/** A refusal that passes with time (RATE_LIMITED, UNAVAILABLE): the answer says when to try again. */
export const retryLater = (code: "RATE_LIMITED" | "UNAVAILABLE", seconds: number) => new AppError(code, {}, Math.max(1, Math.ceil(seconds)));

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
