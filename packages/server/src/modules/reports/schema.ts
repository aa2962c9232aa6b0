import { FILL_STATES } from '@apotheca/core/rx';
import { z } from 'zod';

const SiteId = z.string().min(1).max(100).describe('Site to report on (reports are one site at a time)');
const Instant = z.iso.datetime({ offset: true });

// ---------- prescriptions per hour, queue ages ----------

export const WorkflowReportQuery = z.object({
  siteId: SiteId,
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(14 * 24)
    .default(24)
    .describe('Length of the window in hours (default 24, at most 14 days)'),
  to: Instant.optional().describe(
    'End of the window (default now); rounded up to a whole hour, so every bucket is a clock hour (UTC)',
  ),
});
export type WorkflowReportQuery = z.infer<typeof WorkflowReportQuery>;

const StateCounts = z
  .record(z.string(), z.number().int())
  .describe('Fills that entered each workflow state (states with none are left out)');

export const AgeBucketSchema = z.object({
  key: z.string(),
  label: z.string(),
  maxMinutes: z.number().nullable().describe('Upper bound (exclusive); null: no bound'),
});

export const WorkflowReportOut = z.object({
  siteId: z.string(),
  from: z.string().describe('Start of the window (inclusive, ISO-8601 UTC)'),
  to: z.string().describe('End of the window (exclusive)'),
  generatedAt: z.string(),
  states: z.array(z.enum(FILL_STATES)).describe('Every workflow state, in workflow order'),
  hours: z
    .array(
      z.object({
        start: z.string().describe('Start of the clock hour (UTC)'),
        entered: StateCounts,
        total: z.number().int(),
      }),
    )
    .describe('One bucket per hour, oldest first, including hours with no activity'),
  totals: StateCounts,
  ageBuckets: z.array(AgeBucketSchema),
  queue: z
    .array(
      z.object({
        state: z.enum(FILL_STATES),
        count: z.number().int(),
        oldestMinutes: z.number().int().nullable(),
        medianMinutes: z.number().nullable(),
        ages: z.array(z.number().int()).describe('Fills per age bucket (same order as ageBuckets)'),
      }),
    )
    .describe('Open fills now, per state: how many, how long the oldest and the median have waited'),
});
export type WorkflowReport = z.infer<typeof WorkflowReportOut>;

// ---------- claims: per payer and per reject code ----------

export const ClaimsReportQuery = z.object({
  siteId: SiteId,
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(366)
    .default(30)
    .describe('Window length in days when `from` is not given (default 30)'),
  from: Instant.optional().describe('Start of the window (inclusive)'),
  to: Instant.optional().describe('End of the window (exclusive, default now)'),
});
export type ClaimsReportQuery = z.infer<typeof ClaimsReportQuery>;

const Outcomes = {
  submitted: z
    .number()
    .int()
    .describe('Claims sent (B1 and B3) that reached or may have reached the payer; every attempt counts'),
  paid: z.number().int().describe('Answered paid (P, D, A, S)'),
  captured: z.number().int().describe('Answered captured (C, Q)'),
  rejected: z.number().int().describe('Answered rejected (R)'),
  unknown: z.number().int().describe('No usable answer yet (timed out, unreadable, in flight)'),
  rejectRate: z.number().nullable().describe('rejected ÷ submitted (0–1); null when nothing was submitted'),
};

export const ClaimsReportOut = z.object({
  siteId: z.string(),
  from: z.string(),
  to: z.string(),
  totals: z.object(Outcomes),
  payers: z.array(
    z.object({
      key: z.string().describe('BIN/PCN'),
      bin: z.string(),
      pcn: z.string(),
      payerName: z.string(),
      ...Outcomes,
    }),
  ),
  rejectCodes: z.array(
    z.object({
      code: z.string(),
      description: z.string().describe('NCPDP description (511-FB)'),
      rejections: z.number().int().describe('Rejected submissions that carried this code'),
      share: z.number().nullable().describe('rejections ÷ all submissions in the window'),
      payers: z.array(
        z.object({
          key: z.string(),
          bin: z.string(),
          pcn: z.string(),
          payerName: z.string(),
          rejections: z.number().int(),
          rate: z.number().nullable().describe('rejections ÷ that payer’s submissions'),
        }),
      ),
    }),
  ),
});
export type ClaimsReport = z.infer<typeof ClaimsReportOut>;

// ---------- stock-outs and expiring stock ----------

export const StockReportQuery = z.object({
  siteId: SiteId,
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(730)
    .default(90)
    .describe('Lots expiring within this many days; also how far back dispensing makes a product “in use”'),
});
export type StockReportQuery = z.infer<typeof StockReportQuery>;

const Product = {
  ndc11: z.string(),
  name: z.string().nullable().describe('Brand or generic name (null: not in the drug knowledge base)'),
  genericName: z.string().nullable(),
  strength: z.string().nullable(),
  dosageForm: z.string().nullable(),
};
const Lot = z.object({
  ...Product,
  location: z.string().describe('Location code'),
  locationName: z.string().nullable(),
  lot: z.string().nullable(),
  expiry: z.string(),
  quantity: z.number(),
  daysLeft: z.number().int().describe('Days until expiry (negative: expired)'),
});

export const StockReportOut = z.object({
  siteId: z.string(),
  today: z.string(),
  days: z.number().int(),
  stockOuts: z.array(
    z.object({
      ...Product,
      sellableOnHand: z.number().describe('On hand outside quarantine and not expired (≤ 0)'),
      reasons: z
        .array(z.enum(['dispensed', 'par', 'negative']))
        .describe('Why it counts: dispensed in the window, has a par level, or went below zero'),
      lastDispensedAt: z.string().nullable(),
      negativeMovements: z.number().int(),
      parLevels: z.array(
        z.object({ location: z.string(), locationName: z.string().nullable(), minimum: z.number() }),
      ),
    }),
  ),
  expiring: z.array(Lot).describe('Lots on hand expiring from today to today + days, soonest first'),
  expired: z.array(Lot).describe('Expired lots still on hand (anywhere, quarantine included), oldest first'),
});
export type StockReport = z.infer<typeof StockReportOut>;
