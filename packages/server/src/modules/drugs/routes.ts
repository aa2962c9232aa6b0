import type { RegisterArgs } from '../../app';
import { ctxOf, problemResponses } from '../../platform/http';
import { DrugOut, DrugQuery, NdcParams, SearchOut, SearchQuery } from './schema';
import { getDrug, searchDrugs } from './service';

export function registerDrugRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['drugs'];
  app.get(
    '/api/drugs/search',
    {
      config: { access: { permission: 'drugs.read' } },
      schema: {
        tags,
        summary:
          'Type-ahead: name prefix, NDC in any form, GTIN, GS1 scan or RxCUI; exact NDC first, then active, then formulary',
        querystring: SearchQuery,
        response: { 200: SearchOut, ...problemResponses },
      },
    },
    async (req) => searchDrugs(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/drugs/:ndc',
    {
      config: { access: { permission: 'drugs.read' } },
      schema: {
        tags,
        summary: 'One package with its product, the product’s packages and the formulary status at a site',
        params: NdcParams,
        querystring: DrugQuery,
        response: { 200: DrugOut, ...problemResponses },
      },
    },
    async (req) => getDrug(db, ctxOf(req), req.params.ndc, req.query.siteId),
  );
}
