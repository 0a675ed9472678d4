// The typed error envelope every transport returns. `message` is what a clerk
// reads (Simplified Chinese); `code` is what the program branches on; `fields`
// maps form field paths (e.g. "idNumber", "representatives.5") to messages.

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'UNKNOWN_METHOD',
  /** The database server went away (restart, network): nothing of this call was saved; the screen retries. */
  'DB_UNAVAILABLE',
  'INTERNAL',
] as const;

/** What every call answers while the database server cannot be reached. */
export const DB_UNAVAILABLE_MESSAGE = '数据库连接中断，正在重试…';

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services and handlers; turned into the envelope at the dispatch boundary. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields);
  }
}

export function fieldError(field: string, message: string): ApiError {
  return new ApiError('VALIDATION', message, { [field]: message });
}
