// One error type with a code. Only the edges (CLI, HTTP) turn it into an exit code or a status
// and a one-line message; everything inside throws or returns it unchanged.

/** What went wrong, in terms a user can act on. */
export type TiesErrorCode =
  | 'BAD_INPUT' // the input is not something ties can read (binary, empty, bad encoding, bad HTML)
  | 'NOT_FOUND' // a named document, event, actor or file does not exist
  | 'INVALID' // an argument or request body does not validate
  | 'TOO_LARGE' // the input is over a size limit
  | 'UNSUPPORTED' // a format or media type ties does not handle
  | 'CONFLICT' // the request conflicts with stored state
  | 'UNAUTHORIZED' // the server needs its token and the request did not carry it
  | 'FORBIDDEN' // a cross-site write, or a Host header the server does not answer to
  | 'IO'; // the file system or database failed

const HTTP_STATUS: Record<TiesErrorCode, number> = {
  BAD_INPUT: 422,
  NOT_FOUND: 404,
  INVALID: 400,
  TOO_LARGE: 413,
  UNSUPPORTED: 415,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  IO: 500,
};

const EXIT_CODE: Record<TiesErrorCode, number> = {
  BAD_INPUT: 3,
  NOT_FOUND: 4,
  INVALID: 2,
  TOO_LARGE: 3,
  UNSUPPORTED: 3,
  CONFLICT: 5,
  UNAUTHORIZED: 2,
  FORBIDDEN: 2,
  IO: 1,
};

/** The one error ties throws on purpose; `message` is a single line fit for a user. */
export class TiesError extends Error {
  constructor(
    readonly code: TiesErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TiesError';
  }

  /** The HTTP status this error maps to. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }

  /** The process exit code this error maps to. */
  get exitCode(): number {
    return EXIT_CODE[this.code];
  }
}

/** True when `e` is a TiesError (also across module copies). */
export function isTiesError(e: unknown): e is TiesError {
  return e instanceof TiesError || (e instanceof Error && e.name === 'TiesError' && 'code' in e);
}
