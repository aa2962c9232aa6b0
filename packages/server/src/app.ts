import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { registerAuditRoutes } from './modules/audit/routes';
import { registerAuthRoutes } from './modules/auth/routes';
import { registerCalcRoutes } from './modules/calc/routes';
import { registerClaimsRoutes } from './modules/claims/routes';
import { registerDrugRoutes } from './modules/drugs/routes';
import { registerErxRoutes } from './modules/erx/routes';
import { registerEventRoutes } from './modules/events/routes';
import { registerFormularyRoutes } from './modules/formulary/routes';
import { registerHealthRoutes } from './modules/health/routes';
import { registerInventoryRoutes } from './modules/inventory/index';
import { registerLabelRoutes } from './modules/labels/routes';
import { registerOtcRoutes } from './modules/otc/routes';
import { registerPatientNoteRoutes } from './modules/patient-notes/routes';
import { registerPatientRoutes } from './modules/patients/routes';
import { registerPrescriberRoutes } from './modules/prescribers/routes';
import { registerPrescriptionRoutes } from './modules/prescriptions/routes';
import { registerReportsRoutes } from './modules/reports/routes';
import { registerSiteRoutes } from './modules/sites/routes';
import { registerUserRoutes } from './modules/users/routes';
import { AuthService } from './platform/auth/service';
import { CSRF_HEADER, SESSION_COOKIE, sha256 } from './platform/auth/tokens';
import type { Config } from './platform/config';
import type { DatabaseHandle } from './platform/db/database';
import { AppError, forbidden, unauthorized } from './platform/errors';
import { bridgeEventsThroughPostgres } from './platform/events';
import type { Access, App } from './platform/http';
import { sendProblem, toProblem } from './platform/problems';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

export interface Services extends AppDeps {
  auth: AuthService;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_ROOT = path.resolve(here, '../../web/dist');

export async function buildApp(
  deps: AppDeps,
): Promise<{ app: App; services: Services; routes: RouteInfo[] }> {
  const { config } = deps;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 5 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services: Services = { ...deps, auth: new AuthService(deps.database.db, config) };
  const routes: RouteInfo[] = [];

  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (opts) => {
    const url = opts.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const access = opts.config?.access;
    if (!access) throw new Error(`Route ${String(opts.method)} ${url} declares no access rule`);
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url, access });
  });

  // Graceful shutdown: once closing, answer in-flight requests with Connection: close so keep-alive
  // sockets do not hold the server open after their last response.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (closing) reply.header('connection', 'close');
  });

  app.setErrorHandler((err, req, reply) => sendProblem(reply, toProblem(err, req)));
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api/') && req.method === 'GET' && webRoot) return reply.sendFile('index.html');
    return sendProblem(
      reply,
      toProblem(new AppError(404, 'not_found', `No route ${req.method} ${req.url.split('?')[0]}`), req),
    );
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Apotheca API',
        version: '0.1.0',
        description:
          'Pharmacy operations API. Errors are RFC 9457 problem+json with a stable `code`. Authenticate with the session cookie (web; send the CSRF token in `X-CSRF-Token` on writes) or `Authorization: Bearer apo_…` (API tokens).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Authentication: resolve the caller before the body is parsed, so anonymous calls are refused early.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access) return;
    await authenticate(services, req);
    const ctx = req.ctx;
    if (!ctx) throw unauthorized();
    if ('permission' in access && !ctx.actor.canAnywhere(access.permission))
      throw forbidden(`Your roles do not include the permission ${access.permission}`);
  });

  const register = { app, services };
  registerHealthRoutes(register);
  registerAuthRoutes(register);
  registerSiteRoutes(register);
  registerUserRoutes(register);
  registerAuditRoutes(register);
  registerPatientRoutes(register);
  registerPatientNoteRoutes(register);
  registerPrescriberRoutes(register);
  registerPrescriptionRoutes(register);
  registerErxRoutes(register);
  registerOtcRoutes(register);
  registerEventRoutes(register);
  registerCalcRoutes(register);
  registerLabelRoutes(register);
  registerInventoryRoutes(register);
  registerDrugRoutes(register);
  registerFormularyRoutes(register);
  registerClaimsRoutes(register);
  registerReportsRoutes(register);

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webRoot =
    config.webRoot ?? (fs.existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html')) ? DEFAULT_WEB_ROOT : null);
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, index: 'index.html' });

  // Several server processes on one PostgreSQL database share live events through LISTEN/NOTIFY.
  const { listen } = deps.database;
  if (listen) {
    const stop = await bridgeEventsThroughPostgres(
      (channel, payload) => sql`select pg_notify(${channel}, ${payload})`.execute(deps.database.db),
      listen,
    );
    app.addHook('onClose', stop);
  }

  return { app, services, routes };
}

async function authenticate(services: Services, req: FastifyRequest): Promise<void> {
  const meta = { requestId: req.id, clientAddress: req.ip ?? null };
  const authz = req.headers.authorization;
  if (authz?.startsWith('Bearer ')) {
    const actor = await services.auth.authenticateApiToken(authz.slice(7).trim());
    if (!actor) throw new AppError(401, 'invalid_token', 'The API token is unknown, expired or revoked');
    req.ctx = { actor, meta };
    return;
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await services.auth.authenticateSession(token);
  if (!session) throw new AppError(401, 'session_expired', 'Your session has ended; sign in again');
  // CSRF: cookie-authenticated writes must echo the session's CSRF token in a header (synchronizer token).
  if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken)
    throw new AppError(403, 'csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
  req.ctx = { actor: session.actor, meta: { ...meta, sessionKey: sha256(token) } };
  req.sessionToken = token;
}

export type RegisterArgs = { app: App; services: Services };
