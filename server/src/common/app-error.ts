import { z } from 'zod';

export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  invalid_transition: 409,
  throttled: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one domain error: services throw it, the global filter maps its code to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }

  static validation(error: unknown): AppError {
    const details =
      error instanceof z.ZodError
        ? error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
        : [{ path: '', message: String(error) }];
    return new AppError('validation', 'Invalid request', details);
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
}

/** Parses with a zod schema, throwing a validation AppError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw AppError.validation(result.error);
  return result.data;
}
