import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, problemResponses } from '../../platform/http';
import { SiteInput, SiteOut } from './schema';
import { createSite, getSite, listSitesFor, toSiteOut, updateSite } from './service';

export function registerSiteRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.get(
    '/api/sites',
    {
      config: { access: { permission: 'sites.read' } },
      schema: {
        tags: ['sites'],
        summary: 'Sites the caller may see',
        response: { 200: z.object({ items: z.array(SiteOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: (await listSitesFor(db, ctxOf(req).actor)).map(toSiteOut) }),
  );
  app.get(
    '/api/sites/:id',
    {
      config: { access: { permission: 'sites.read' } },
      schema: {
        tags: ['sites'],
        summary: 'One site',
        params: IdParams,
        response: { 200: SiteOut, ...problemResponses },
      },
    },
    async (req) => toSiteOut(await getSite(db, ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/sites',
    {
      config: { access: { permission: 'sites.manage' } },
      schema: {
        tags: ['sites'],
        summary: 'Create a site',
        body: SiteInput,
        response: { 201: SiteOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(toSiteOut(await createSite(db, ctxOf(req), req.body))),
  );
  app.put(
    '/api/sites/:id',
    {
      config: { access: { permission: 'sites.manage' } },
      schema: {
        tags: ['sites'],
        summary: 'Update a site',
        params: IdParams,
        body: SiteInput,
        response: { 200: SiteOut, ...problemResponses },
      },
    },
    async (req) => toSiteOut(await updateSite(db, ctxOf(req), req.params.id, req.body)),
  );
}
