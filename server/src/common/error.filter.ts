import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ApiErrorBody } from '../contracts/auth';
import { AppError, ERROR_STATUS } from './app-error';

const HTTP_CODES: Record<number, string> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'throttled',
  503: 'unavailable',
};

/** Maps any thrown value to `{status, body}`; shared by HTTP and socket error handling. */
export function toErrorResponse(exception: unknown): { status: number; body: ApiErrorBody } {
  if (exception instanceof ZodValidationException) {
    const { code, message, details } = AppError.validation(exception.getZodError());
    return { status: 400, body: { code, message, details } };
  }
  if (exception instanceof AppError) {
    const body: ApiErrorBody = { code: exception.code, message: exception.message };
    if (exception.details) body.details = exception.details;
    return { status: ERROR_STATUS[exception.code], body };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500) {
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? [response.message].flat().join('; ')
          : exception.message;
      return clientError(status, message);
    }
  }
  // body-parser errors (malformed JSON, too large) carry a status and expose=true
  if (isClientHttpError(exception)) {
    return clientError(exception.status, exception.message);
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'internal', message: 'Internal error' },
  };
}

function clientError(status: number, message: string): { status: number; body: ApiErrorBody } {
  const body: ApiErrorBody = { code: HTTP_CODES[status] ?? 'bad_request', message };
  if (status === 400) body.details = [{ path: '', message }];
  return { status, body };
}

function isClientHttpError(e: unknown): e is { status: number; message: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    'status' in e &&
    typeof e.status === 'number' &&
    e.status >= 400 &&
    e.status < 500 &&
    'expose' in e &&
    e.expose === true
  );
}

@Catch()
export class GlobalErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const { status, body } = toErrorResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : exception);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(status).json(body);
  }
}
