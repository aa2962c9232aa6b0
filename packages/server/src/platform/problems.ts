import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem, problemTitles } from './errors';

function fieldName(context: string | undefined, instancePath: string): string {
  const p = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (context === 'body') return p || 'body';
  return p ? `${context ?? 'input'}.${p}` : (context ?? 'input');
}

/** Turns anything thrown into an RFC 9457 problem document with a stable `code`. */
export function toProblem(
  err: unknown,
  req: FastifyRequest,
): { status: number; body: Record<string, unknown> } {
  let status = 500;
  let code = 'internal_error';
  let detail = 'An unexpected error occurred. It has been logged with the request id.';
  let extra: Record<string, unknown> = {};

  if (err instanceof AppError) {
    ({ status, code } = err);
    detail = err.message;
    extra = err.extra;
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    status = 400;
    code = 'validation_failed';
    const context = (err as { validationContext?: string }).validationContext;
    const errors: FieldProblem[] = err.validation.map((v) => ({
      field: fieldName(context, v.instancePath),
      reason: v.message ?? 'is invalid',
    }));
    detail = errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
    extra = { errors };
  } else if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response did not match its schema');
  } else if (err && typeof err === 'object' && 'statusCode' in err) {
    const fe = err as FastifyError;
    const sc = fe.statusCode ?? 500;
    if (sc >= 400 && sc < 500) {
      status = sc;
      if (
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        fe instanceof SyntaxError ||
        /JSON/i.test(fe.message)
      ) {
        code = 'malformed_json';
        detail = `The request body is not valid JSON: ${fe.message}`;
        extra = { errors: [{ field: 'body', reason: 'is not valid JSON' }] };
      } else if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        code = 'malformed_json';
        detail = 'The request body is empty but JSON was declared';
        extra = { errors: [{ field: 'body', reason: 'is empty' }] };
      } else if (sc === 429) {
        code = 'rate_limited';
        detail = 'Too many requests; wait a minute and try again';
      } else if (sc === 415) {
        code = 'unsupported_media_type';
        detail = fe.message;
      } else if (sc === 413) {
        code = 'payload_too_large';
        detail = fe.message;
      } else {
        code = 'bad_request';
        detail = fe.message;
      }
    }
  }
  if (status >= 500) req.log.error({ err }, 'request failed');
  return {
    status,
    body: {
      type: `https://apotheca.dev/problems/${code.replaceAll('_', '-')}`,
      title: problemTitles[status] ?? 'Error',
      status,
      detail,
      code,
      instance: req.url,
      requestId: req.id,
      ...extra,
    },
  };
}

export function sendProblem(reply: FastifyReply, problem: { status: number; body: Record<string, unknown> }) {
  return reply.status(problem.status).type('application/problem+json').send(problem.body);
}
