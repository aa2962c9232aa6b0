import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { recordSignature, SIGNATURE_MEANINGS, verifySigner } from '../../platform/audit/esign';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/tokens';
import { notFound } from '../../platform/errors';
import { ctxOf, ProblemSchema, problemResponses } from '../../platform/http';
import { PERMISSIONS, ROLES } from '../../platform/permissions';
import { listSitesFor } from '../sites/service';
import { SIGNABLE } from './signable';

const SignatureOut = z.object({
  id: z.string(),
  user_id: z.string(),
  signer_name: z.string(),
  site_id: z.string().nullable(),
  meaning: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  reason: z.string().nullable(),
  signed_at: z.string(),
  audit_seq: z.number(),
});

const LoginBody = z.object({
  username: z.string().trim().min(1).max(100).describe('Username'),
  password: z.string().min(1).max(256).describe('Password'),
});

const usernameOf = async (db: import('../../platform/db/database').Db, id: string) =>
  (await db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirst())?.username ?? null;

export function registerAuthRoutes({ app, services }: RegisterArgs): void {
  const { config } = services;
  app.post(
    '/api/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: LoginBody,
        response: {
          200: z.object({
            user: z.object({ id: z.string(), displayName: z.string() }),
            csrfToken: z.string(),
            expiresAt: z.string(),
          }),
          ...problemResponses,
          423: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const res = await services.auth.login({ ...req.body, clientAddress: req.ip, requestId: req.id });
      const cookie = {
        path: '/',
        sameSite: 'strict' as const,
        secure: config.secureCookies,
        expires: new Date(res.expiresAt),
      };
      reply.setCookie(SESSION_COOKIE, res.token, { ...cookie, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, res.csrfToken, { ...cookie, httpOnly: false });
      return {
        user: { id: res.actor.userId, displayName: res.actor.displayName },
        csrfToken: res.csrfToken,
        expiresAt: res.expiresAt,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'Sign out (revokes the session)' },
    },
    async (req, reply) => {
      if (req.sessionToken) await services.auth.logout(ctxOf(req), req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'The caller, their sites, roles and permissions' },
    },
    async (req) => {
      const { actor } = ctxOf(req);
      const sites = await listSitesFor(services.database.db, actor);
      return {
        user: {
          id: actor.userId,
          username: await usernameOf(services.database.db, actor.userId),
          displayName: actor.displayName,
          via: actor.via,
          ...actor.attributes,
        },
        sites: sites.map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          settingType: s.setting_type,
          roles: actor.rolesAt(s.id),
        })),
        permissions: actor.permissionsBySite(),
        csrfToken: req.cookies[CSRF_COOKIE] ?? null,
      };
    },
  );

  app.get(
    '/api/permissions',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'The permission table (roles per permission)' },
    },
    async () => ({ roles: ROLES, permissions: PERMISSIONS }),
  );

  app.post(
    '/api/esign',
    {
      config: { access: { permission: 'esign.sign' } },
      schema: {
        tags: ['auth'],
        summary: 'Apply an electronic signature (re-enter password) to a record',
        body: z.object({
          password: z.string().max(256).optional().describe('Your password, entered again to sign'),
          meaning: z.enum(SIGNATURE_MEANINGS).describe('What the signature means (21 CFR 11.50)'),
          entityType: z
            .enum(Object.keys(SIGNABLE) as [string, ...string[]])
            .describe('Kind of record signed'),
          entityId: z.string().min(1).max(100),
          reason: z.string().max(500).optional(),
        }),
        response: { 201: z.object({ signature: SignatureOut }), ...problemResponses },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { db } = services.database;
      const lookup = SIGNABLE[req.body.entityType];
      const siteId = lookup ? await lookup(db, req.body.entityId) : undefined;
      if (!siteId) throw notFound('Record');
      ctx.actor.require('esign.sign', siteId, 'Record');
      const signer = await verifySigner(services.auth, ctx, req.body.password);
      const { meaning, entityType, entityId, reason } = req.body;
      const sig = await db.transaction().execute((trx) =>
        recordSignature(trx, ctx, signer, {
          meaning,
          entityType,
          entityId,
          siteId,
          reason: reason ?? null,
        }),
      );
      return reply.status(201).send({ signature: sig });
    },
  );
}
