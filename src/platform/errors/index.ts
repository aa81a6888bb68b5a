/**
 * Domain errors carry a stable code; this table is the one place that maps codes to HTTP
 * status. The message shown to people comes from platform messages under the same code.
 */
export const errorStatus = {
  'request.invalid': 400,
  'request.csrf': 403,
  'request.too_large': 413,
  'auth.required': 401,
  'auth.forbidden': 403,
  'auth.rate_limited': 429,
  'not_found': 404,
  'conflict': 409,
  'server.overloaded': 503,
  'server.error': 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldErrors {
  [field: string]: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    options: { detail?: string; fields?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.status = errorStatus[code];
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.detail = options.detail;
  }
  readonly fields: FieldErrors | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly detail: string | undefined;
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('auth.forbidden');

/** A validation result that a form or API can show field by field. */
export class ValidationError extends AppError {
  constructor(fields: FieldErrors) {
    super('request.invalid', { fields });
    this.name = 'ValidationError';
  }
}
