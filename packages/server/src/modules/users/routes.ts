import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, OkOut, problemResponses } from '../../platform/http';
import { CreatedTokenOut, RoleAssignment, TokenInput, TokenOut, UserInput, UserOut } from './schema';
import {
  createToken,
  createUser,
  listTokens,
  listUsers,
  resetPassword,
  revokeToken,
  setRoles,
  unlockUser,
} from './service';

export function registerUserRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const { auth } = services;
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags,
        summary: 'Users with roles at sites the caller may see',
        response: { 200: z.object({ items: z.array(UserOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listUsers(db, ctxOf(req)) }),
  );
  app.post(
    '/api/users',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Create a local user with roles per site',
        body: UserInput,
        response: { 201: UserOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db, ctxOf(req), req.body)),
  );
  app.put(
    '/api/users/:id/roles',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: "Replace the user's roles at the sites listed",
        params: IdParams,
        body: z.object({ roles: z.array(RoleAssignment).min(1) }),
        response: { 200: UserOut, ...problemResponses },
      },
    },
    async (req) => setRoles(db, auth, ctxOf(req), req.params.id, req.body.roles),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Set a new password (revokes the user’s sessions)',
        params: IdParams,
        body: z.object({ password: z.string().max(256) }),
        response: { 200: OkOut, ...problemResponses },
      },
    },
    async (req) => {
      await resetPassword(db, auth, ctxOf(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/users/:id/unlock',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Clear a lockout',
        params: IdParams,
        response: { 200: OkOut, ...problemResponses },
      },
    },
    async (req) => {
      await unlockUser(db, ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/tokens',
    {
      config: { access: { permission: 'tokens.manage' } },
      schema: {
        tags,
        summary: 'API tokens of the organization (never the secret)',
        response: { 200: z.object({ items: z.array(TokenOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listTokens(db, ctxOf(req)) }),
  );
  app.post(
    '/api/tokens',
    {
      config: { access: { permission: 'tokens.manage' } },
      schema: {
        tags,
        summary: 'Create an API token; the secret is shown once',
        body: TokenInput,
        response: { 201: CreatedTokenOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createToken(db, auth, ctxOf(req), req.body)),
  );
  app.delete(
    '/api/tokens/:id',
    {
      config: { access: { permission: 'tokens.manage' } },
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 200: OkOut, ...problemResponses },
      },
    },
    async (req) => {
      await revokeToken(db, auth, ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
