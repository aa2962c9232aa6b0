import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from './actor';
import type { Permission } from './permissions';

/** Who may call a route. Every /api route must declare one (checked at start-up in app.ts). */
export type Access = { public: true } | { authenticated: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx | null;
    sessionToken: string | null;
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

/** The authenticated context of a request (the auth hook has already refused anonymous calls). */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.ctx) throw new Error('route reached without authentication');
  return req.ctx;
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable machine-readable error code'),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  })
  .passthrough()
  .describe('RFC 9457 problem details');

/** Standard error responses documented on every route. */
export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
} as const;

/** A JSON object response whose detailed shape is documented in the route summary (complex aggregate views). */
export const JsonObject = z.record(z.string(), z.unknown());
export const jsonResponses = { 200: JsonObject, 201: JsonObject, ...problemResponses } as const;

export const OkOut = z.object({ ok: z.literal(true) });

export const IdParams = z.object({ id: z.string().min(1).max(100).describe('Record id') });

export type Reply = FastifyReply;
