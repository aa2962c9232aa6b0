import { z } from 'zod';

/**
 * Note categories, kept small so the counter can filter and colour them:
 * - general: anything that fits nowhere else (preferences, who may pick up);
 * - clinical: clinical context not captured as a structured item (e.g. "on dialysis Mon/Wed/Fri");
 * - allergy_history: the story behind an allergy entry (what happened, who reported it, tolerated since);
 * - billing: payer and payment arrangements (cash preference, copay card on file, PA history);
 * - delivery: delivery and pickup instructions (gate code, leave with neighbour, mail-order address);
 * - counseling: what was counselled or must be counselled next time.
 */
export const NOTE_CATEGORIES = [
  'general',
  'clinical',
  'allergy_history',
  'billing',
  'delivery',
  'counseling',
] as const;
export type NoteCategory = (typeof NOTE_CATEGORIES)[number];

export const NOTE_MAX_LENGTH = 4000;

export const NoteInput = z.object({
  category: z.enum(NOTE_CATEGORIES).describe('What the note is about'),
  text: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`)
    .describe('The note (1–4000 characters)'),
  pinned: z
    .boolean()
    .default(false)
    .describe('Show as an alert on the profile and on this patient’s prescriptions (fill page header)'),
  supersedesId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('The note this one corrects: that note stays in the record, shown struck through'),
});
export type NoteInput = z.infer<typeof NoteInput>;

const Author = z.object({ id: z.string(), name: z.string() });

export const NoteOut = z.object({
  id: z.string(),
  patientId: z.string(),
  siteId: z.string(),
  category: z.enum(NOTE_CATEGORIES),
  text: z.string(),
  pinned: z.boolean(),
  supersedesId: z.string().nullable(),
  author: Author,
  createdAt: z.string(),
  /** false once a later note supersedes it */
  active: z.boolean(),
  supersededBy: z
    .object({ id: z.string(), author: Author, createdAt: z.string() })
    .nullable()
    .describe('The correction that replaced this note, if any'),
});
export type NoteOut = z.infer<typeof NoteOut>;
