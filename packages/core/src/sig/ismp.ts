/**
 * Abbreviations and dose designations the parser understands but flags, from the ISMP List of
 * Error-Prone Abbreviations, Symbols, and Dose Designations (Institute for Safe Medication Practices,
 * 2021 edition; the Joint Commission "Do Not Use" list covers U, IU, QD, QOD, trailing zero and naked decimal).
 * Kept as data so a new edition is an edit here, not in the parser.
 */
export interface IsmpEntry {
  meaning: string;
  mistakenFor: string;
  use: string;
}

export const ISMP_ERROR_PRONE: Record<string, IsmpEntry> = {
  qd: { meaning: 'every day', mistakenFor: 'qid (four times daily)', use: 'daily' },
  q1d: { meaning: 'daily', mistakenFor: 'qid (four times daily)', use: 'daily' },
  od: {
    meaning: 'once daily or right eye',
    mistakenFor: 'right eye / once daily',
    use: 'daily or right eye',
  },
  qod: { meaning: 'every other day', mistakenFor: 'qd (daily) or qid', use: 'every other day' },
  qhs: { meaning: 'at bedtime', mistakenFor: 'qhr (every hour)', use: 'nightly or at bedtime' },
  qn: { meaning: 'nightly', mistakenFor: 'qh (every hour)', use: 'nightly' },
  hs: { meaning: 'at bedtime', mistakenFor: 'half-strength', use: 'bedtime' },
  bt: { meaning: 'bedtime', mistakenFor: 'bid', use: 'bedtime' },
  tiw: { meaning: 'three times a week', mistakenFor: 'three times a day', use: '3 times weekly' },
  biw: { meaning: 'twice a week', mistakenFor: 'twice a day', use: '2 times weekly' },
  u: { meaning: 'unit', mistakenFor: 'the number 0 or 4, or cc', use: 'units' },
  iu: { meaning: 'international unit', mistakenFor: 'IV or the number 10', use: 'units' },
  cc: { meaning: 'cubic centimeter', mistakenFor: 'u (units)', use: 'mL' },
  sc: { meaning: 'subcutaneous', mistakenFor: 'SL (sublingual)', use: 'subcut or subcutaneously' },
  sq: { meaning: 'subcutaneous', mistakenFor: '"5 every"', use: 'subcut or subcutaneously' },
  subq: { meaning: 'subcutaneous', mistakenFor: '"every" (the q)', use: 'subcut or subcutaneously' },
  ss: {
    meaning: 'sliding scale or one half',
    mistakenFor: '55 or the other meaning',
    use: 'sliding scale or 1/2',
  },
  ssi: {
    meaning: 'sliding scale insulin',
    mistakenFor: 'strong solution of iodine',
    use: 'sliding scale (insulin)',
  },
  ud: { meaning: 'as directed (ut dictum)', mistakenFor: 'unit dose', use: 'as directed' },
  ad: { meaning: 'right ear', mistakenFor: 'OD (right eye)', use: 'right ear' },
  as: { meaning: 'left ear', mistakenFor: 'OS (left eye)', use: 'left ear' },
  au: { meaning: 'each ear', mistakenFor: 'OU (each eye)', use: 'each ear' },
  os: { meaning: 'left eye', mistakenFor: 'AS (left ear)', use: 'left eye' },
  ou: { meaning: 'each eye', mistakenFor: 'AU (each ear)', use: 'each eye' },
  'per os': { meaning: 'by mouth', mistakenFor: 'left eye (OS)', use: 'by mouth or orally' },
  µg: { meaning: 'microgram', mistakenFor: 'mg', use: 'mcg' },
  'trailing zero': { meaning: 'a whole number written as 1.0', mistakenFor: '10', use: 'no trailing zero' },
  'naked decimal': { meaning: 'a dose written as .5', mistakenFor: '5', use: 'a leading zero (0.5)' },
  '@': { meaning: 'at', mistakenFor: '2', use: 'at' },
  '&': { meaning: 'and', mistakenFor: '2', use: 'and' },
};

export function ismpWarning(abbr: string): string {
  const e = ISMP_ERROR_PRONE[abbr];
  if (!e) return `Error-prone abbreviation "${abbr}".`;
  return `ISMP error-prone: "${abbr}" (${e.meaning}) can be mistaken for ${e.mistakenFor}; write "${e.use}".`;
}
