import { CalcError, getCalculation, listCalculations, runCalculation } from '@apotheca/core/calc';
import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { badRequest, notFound } from '../../platform/errors';
import { problemResponses } from '../../platform/http';

const InputSpec = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['quantity', 'number', 'choice', 'date', 'text', 'list']),
  dimension: z.string().optional(),
  units: z.array(z.string()).optional(),
  defaultUnit: z.string().optional(),
  required: z.boolean(),
  choices: z.array(z.string()).optional(),
  default: z.union([z.string(), z.number()]).optional(),
  description: z.string(),
});
const Definition = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  inputs: z.array(InputSpec),
  source: z.string(),
});
export const CalcResultOut = z.object({
  id: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  display: z.string(),
  formula: z.string(),
  steps: z.array(z.object({ label: z.string(), expression: z.string(), value: z.string() })),
  rounding: z.string(),
  source: z.string(),
  warnings: z.array(z.string()),
  extra: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});

/** Runs one calculation; engine errors become 400 problems naming the input (`inputs.<name>`). */
export function runCalc(id: string, inputs: Record<string, string | number>) {
  if (!getCalculation(id)) throw notFound(`Calculation ${id}`);
  try {
    return runCalculation(id, inputs);
  } catch (err) {
    if (err instanceof CalcError)
      throw badRequest('validation_failed', `${err.field}: ${err.reason}`, [
        { field: `inputs.${err.field}`, reason: err.reason },
      ]);
    throw err;
  }
}

export function registerCalcRoutes({ app }: RegisterArgs): void {
  const tags = ['calculations'];
  app.get(
    '/api/calc',
    {
      config: { access: { permission: 'calc.use' } },
      schema: {
        tags,
        summary: 'Every calculation with its inputs',
        response: { 200: z.object({ items: z.array(Definition) }), ...problemResponses },
      },
    },
    async () => ({ items: listCalculations() }),
  );
  app.post(
    '/api/calc/:id',
    {
      config: { access: { permission: 'calc.use' } },
      schema: {
        tags,
        summary: 'Run one calculation: result with unit, formula, steps, rounding, source and warnings',
        params: z.object({ id: z.string().max(60) }),
        body: z.object({
          inputs: z
            .record(z.string().max(60), z.union([z.string().max(200), z.number()]))
            .describe('Input values by name; quantities with units, e.g. {"weight": "87 kg"}'),
        }),
        response: { 200: CalcResultOut, ...problemResponses },
      },
    },
    async (req) => runCalc(req.params.id, req.body.inputs),
  );
}
