/**
 * Dose units, verbs, routes and body sites. Abbreviations follow common US prescription usage
 * (e.g. Ansel, "Pharmaceutical Calculations", ch. 4 "Interpretation of prescriptions and medication orders";
 * Mosby's Pharmacy Technician, table of prescription abbreviations). Every abbreviation that ISMP lists as
 * error-prone carries an `ismp` key so the parser can warn while still understanding it.
 */
import { PhraseTable, withPrepositions } from './phrase';
import type { SigRoute, SigUnit, SigVerb } from './types';

export interface UnitEntry {
  unit: SigUnit;
  /** Multiply the written amount by this to get `unit` (teaspoon -> 5 mL). */
  factor?: number;
  as?: 'teaspoon' | 'tablespoon';
  ismp?: string;
}

const u = (unit: SigUnit, extra: Omit<UnitEntry, 'unit'> = {}): UnitEntry => ({ unit, ...extra });

// USP <1221> / ISMP: a teaspoon is 5 mL and a tablespoon 15 mL for dosing purposes.
const UNIT_WORDS: [string, UnitEntry][] = [
  ...['tab', 'tabs', 'tablet', 'tablets', 'tbl'].map((w) => [w, u('tablet')] as [string, UnitEntry]),
  ...['cap', 'caps', 'capsule', 'capsules'].map((w) => [w, u('capsule')] as [string, UnitEntry]),
  ...['ml', 'mls', 'milliliter', 'milliliters', 'millilitre', 'millilitres'].map(
    (w) => [w, u('mL')] as [string, UnitEntry],
  ),
  ['cc', u('mL', { ismp: 'cc' })],
  ...['tsp', 'tsps', 'teaspoon', 'teaspoons', 'teaspoonful', 'teaspoonfuls'].map(
    (w) => [w, u('mL', { factor: 5, as: 'teaspoon' })] as [string, UnitEntry],
  ),
  ...['tbsp', 'tbsps', 'tablespoon', 'tablespoons', 'tablespoonful', 'tablespoonfuls'].map(
    (w) => [w, u('mL', { factor: 15, as: 'tablespoon' })] as [string, UnitEntry],
  ),
  ...['gtt', 'gtts', 'drop', 'drops', 'gt'].map((w) => [w, u('drop')] as [string, UnitEntry]),
  ...['puff', 'puffs', 'inhalation', 'inhalations', 'actuation', 'actuations'].map(
    (w) => [w, u('puff')] as [string, UnitEntry],
  ),
  ...['unit', 'units', 'un'].map((w) => [w, u('unit')] as [string, UnitEntry]),
  ['u', u('unit', { ismp: 'u' })],
  ['iu', u('unit', { ismp: 'iu' })],
  ...['spray', 'sprays'].map((w) => [w, u('spray')] as [string, UnitEntry]),
  ...['patch', 'patches'].map((w) => [w, u('patch')] as [string, UnitEntry]),
  ...['supp', 'supps', 'suppository', 'suppositories'].map(
    (w) => [w, u('suppository')] as [string, UnitEntry],
  ),
  ...['application', 'applications', 'app'].map((w) => [w, u('application')] as [string, UnitEntry]),
  ...['applicatorful', 'applicatorfuls', 'applicator', 'applicators', 'applicator full'].map(
    (w) => [w, u('applicatorful')] as [string, UnitEntry],
  ),
  ...['mg', 'mgs', 'milligram', 'milligrams'].map((w) => [w, u('mg')] as [string, UnitEntry]),
  ...['mcg', 'mcgs', 'microgram', 'micrograms'].map((w) => [w, u('mcg')] as [string, UnitEntry]),
  ...['g', 'gm', 'gms', 'gram', 'grams'].map((w) => [w, u('g')] as [string, UnitEntry]),
  ...['lozenge', 'lozenges'].map((w) => [w, u('lozenge')] as [string, UnitEntry]),
  ...['troche', 'troches'].map((w) => [w, u('troche')] as [string, UnitEntry]),
  ...['packet', 'packets', 'sachet', 'sachets', 'pkt'].map((w) => [w, u('packet')] as [string, UnitEntry]),
  ...['vial', 'vials', 'ampule', 'ampules', 'amp', 'nebule', 'nebules', 'neb'].map(
    (w) => [w, u('vial')] as [string, UnitEntry],
  ),
  ...['pen', 'pens', 'syringe', 'syringes', 'injection', 'injections'].map(
    (w) => [w, u('pen')] as [string, UnitEntry],
  ),
  ...['film', 'films', 'strip', 'strips'].map((w) => [w, u('film')] as [string, UnitEntry]),
  ...['dose', 'doses'].map((w) => [w, u('dose')] as [string, UnitEntry]),
];
export const UNITS = new PhraseTable<UnitEntry>(UNIT_WORDS);

/** Amounts written as words, topical mostly ("apply a thin layer"). */
export const DESCRIPTIVE_DOSES = new PhraseTable<string>(
  [
    ['a thin layer', 'a thin layer'],
    ['thin layer', 'a thin layer'],
    ['a thin film', 'a thin layer'],
    ['thin film', 'a thin layer'],
    ['thinly', 'a thin layer'],
    ['a small amount', 'a small amount'],
    ['small amount', 'a small amount'],
    ['sparingly', 'a small amount'],
    ['a pea sized amount', 'a pea-sized amount'],
    ['pea sized amount', 'a pea-sized amount'],
    ['a pea - sized amount', 'a pea-sized amount'],
    ['a generous amount', 'a generous amount'],
    ['liberally', 'a generous amount'],
  ].map(([k, v]) => [k, v] as [string, string]),
);

export interface VerbEntry {
  verb: SigVerb;
  route?: SigRoute;
  site?: string;
  extra?: string;
}

export const VERBS = new PhraseTable<VerbEntry>([
  ['take', { verb: 'take' }],
  ['give', { verb: 'take' }],
  ['administer', { verb: 'take' }],
  ['swallow', { verb: 'take' }],
  ['drink', { verb: 'take', route: 'oral' }],
  ['mix', { verb: 'take', route: 'oral' }],
  ['chew', { verb: 'chew', route: 'oral' }],
  ['chew and swallow', { verb: 'chew', route: 'oral' }],
  ['dissolve', { verb: 'dissolve' }],
  ['apply', { verb: 'apply' }],
  // "aaa": apply to affected area, a common pharmacy shorthand.
  ['aaa', { verb: 'apply', route: 'topical', site: 'affected area' }],
  ['rub', { verb: 'apply', route: 'topical' }],
  ['massage', { verb: 'apply', route: 'topical' }],
  ['instill', { verb: 'instill' }],
  ['inhale', { verb: 'inhale', route: 'inhalation' }],
  ['inject', { verb: 'inject' }],
  ['insert', { verb: 'insert' }],
  ['use', { verb: 'use' }],
  ['place', { verb: 'place' }],
  ['put', { verb: 'place' }],
  ['spray', { verb: 'spray', route: 'nasal' }],
  ['t', { verb: 'take' }],
  [
    'swish and swallow',
    { verb: 'swish', route: 'oral', site: 'in the mouth', extra: 'Swallow after swishing.' },
  ],
  [
    'swish and spit',
    { verb: 'swish', route: 'oral', site: 'in the mouth', extra: 'Spit out after use; do not swallow.' },
  ],
  [
    'rinse and spit',
    { verb: 'swish', route: 'oral', site: 'in the mouth', extra: 'Spit out after use; do not swallow.' },
  ],
  ['swish', { verb: 'swish', route: 'oral', site: 'in the mouth' }],
  ['gargle', { verb: 'gargle', route: 'oral', extra: 'Spit out after use; do not swallow.' }],
  ['gargle and spit', { verb: 'gargle', route: 'oral', extra: 'Spit out after use; do not swallow.' }],
]);

export interface RouteEntry {
  route: SigRoute;
  site?: string;
  siteCount?: number;
  ismp?: string;
}

const r = (route: SigRoute, site?: string, siteCount = 1, ismp?: string): RouteEntry =>
  site === undefined
    ? { route, siteCount }
    : ismp
      ? { route, site, siteCount, ismp }
      : { route, site, siteCount };

const ROUTE_ENTRIES: [string, RouteEntry][] = [
  ...['po', 'by mouth', 'orally', 'oral', 'p o', 'per mouth', 'via mouth'].map(
    (w) => [w, r('oral')] as [string, RouteEntry],
  ),
  ['per os', { route: 'oral', ismp: 'per os' }],
  ['on the tongue', r('oral', 'on the tongue')],
  ['on tongue', r('oral', 'on the tongue')],
  ['in the mouth', r('oral', 'in the mouth')],
  ['in mouth', r('oral', 'in the mouth')],
  ...['sl', 'sublingually', 'sublingual', 'under the tongue', 'under tongue'].map(
    (w) => [w, r('sublingual')] as [string, RouteEntry],
  ),
  ...['buccal', 'buccally', 'between cheek and gum', 'between the cheek and gum'].map(
    (w) => [w, r('buccal')] as [string, RouteEntry],
  ),
  ...['subcut', 'subcutaneously', 'subcutaneous', 'under the skin', 'sub cutaneously'].map(
    (w) => [w, r('subcutaneous')] as [string, RouteEntry],
  ),
  ['subq', { route: 'subcutaneous', ismp: 'subq' }],
  ['sc', { route: 'subcutaneous', ismp: 'sc' }],
  ['sq', { route: 'subcutaneous', ismp: 'sq' }],
  ...['im', 'intramuscularly', 'intramuscular', 'into the muscle', 'in the muscle', 'into muscle'].map(
    (w) => [w, r('intramuscular')] as [string, RouteEntry],
  ),
  ...['iv', 'intravenously', 'intravenous', 'ivp', 'ivpb', 'into a vein', 'in a vein'].map(
    (w) => [w, r('intravenous')] as [string, RouteEntry],
  ),
  ...[
    'ophth',
    'ophthalmic',
    'in eye',
    'in the eye',
    'in eyes',
    'in the eyes',
    'into the eye',
    'into eye',
  ].map((w) => [w, r('ophthalmic')] as [string, RouteEntry]),
  ['os', r('ophthalmic', 'left eye', 1, 'os')],
  ['ou', r('ophthalmic', 'both eyes', 2, 'ou')],
  ...['otic', 'in ear', 'in the ear', 'in ears', 'in the ears', 'into the ear'].map(
    (w) => [w, r('otic')] as [string, RouteEntry],
  ),
  ['ad', r('otic', 'right ear', 1, 'ad')],
  ['au', r('otic', 'both ears', 2, 'au')],
  ...['intranasally', 'nasally', 'nasal', 'in nose', 'in the nose', 'into the nose', 'in nostrils'].map(
    (w) => [w, r('nasal')] as [string, RouteEntry],
  ),
  ...[
    'inh',
    'inhaled',
    'by inhalation',
    'via inhalation',
    'inhalation',
    'orally inhaled',
    'inhale orally',
  ].map((w) => [w, r('inhalation')] as [string, RouteEntry]),
  ...[
    'neb',
    'via nebulizer',
    'via neb',
    'by nebulizer',
    'by neb',
    'per nebulizer',
    'per neb',
    'in nebulizer',
    'nebulized',
  ].map((w) => [w, r('inhalation', 'nebulizer')] as [string, RouteEntry]),
  ...['top', 'topically', 'topical', 'externally', 'on the skin', 'to skin', 'to the skin'].map(
    (w) => [w, r('topical')] as [string, RouteEntry],
  ),
  ...['td', 'transdermally', 'transdermal'].map((w) => [w, r('transdermal')] as [string, RouteEntry]),
  ...['pr', 'rectally', 'rectal', 'per rectum', 'in rectum', 'into the rectum', 'in the rectum'].map(
    (w) => [w, r('rectal')] as [string, RouteEntry],
  ),
  ...['pv', 'vaginally', 'vaginal', 'per vagina', 'intravaginally', 'into the vagina', 'in the vagina'].map(
    (w) => [w, r('vaginal')] as [string, RouteEntry],
  ),
];

/** Body sites with the route they imply and how many sites one dose goes to. */
const SITES: [string, RouteEntry][] = [
  ['right eye', r('ophthalmic', 'right eye')],
  ['left eye', r('ophthalmic', 'left eye')],
  ['both eyes', r('ophthalmic', 'both eyes', 2)],
  ['each eye', r('ophthalmic', 'both eyes', 2)],
  ['affected eye', r('ophthalmic', 'affected eye')],
  ['affected eyes', r('ophthalmic', 'affected eyes', 2)],
  ['right ear', r('otic', 'right ear')],
  ['left ear', r('otic', 'left ear')],
  ['both ears', r('otic', 'both ears', 2)],
  ['each ear', r('otic', 'both ears', 2)],
  ['affected ear', r('otic', 'affected ear')],
  ['affected ears', r('otic', 'affected ears', 2)],
  ['each nostril', r('nasal', 'each nostril', 2)],
  ['both nostrils', r('nasal', 'each nostril', 2)],
  ['per nostril', r('nasal', 'each nostril', 2)],
  ['one nostril', r('nasal', 'one nostril')],
  ['1 nostril', r('nasal', 'one nostril')],
  ['nostril', r('nasal', 'one nostril')],
  ['affected area', r('topical', 'affected area')],
  ['affected areas', r('topical', 'affected areas')],
  ['aa', r('topical', 'affected area')],
  ['affected skin', r('topical', 'affected skin')],
  ['affected area of skin', r('topical', 'affected area')],
  ['affected nail', r('topical', 'affected nail')],
  ['affected nails', r('topical', 'affected nails')],
  ['affected joint', r('topical', 'affected joint')],
  ['affected joints', r('topical', 'affected joints')],
  ['face', r('topical', 'face')],
  ['scalp', r('topical', 'scalp')],
  ['rash', r('topical', 'rash')],
  ['wound', r('topical', 'wound')],
  ['lesions', r('topical', 'lesions')],
  ['lips', r('topical', 'lips')],
  ['hands', r('topical', 'hands')],
  ['feet', r('topical', 'feet')],
];

export const ROUTES = new PhraseTable<RouteEntry>(ROUTE_ENTRIES);
for (const [site, entry] of SITES) for (const p of withPrepositions(site)) ROUTES.add(p, entry);
for (const n of ['each', 'both', 'the', 'one', '1']) {
  ROUTES.add(
    `in ${n} nostril`,
    r('nasal', n === 'each' ? 'each nostril' : 'one nostril', n === 'each' ? 2 : 1),
  );
  ROUTES.add(
    `into ${n} nostril`,
    r('nasal', n === 'each' ? 'each nostril' : 'one nostril', n === 'each' ? 2 : 1),
  );
}
ROUTES.add('in both nostrils', r('nasal', 'each nostril', 2));
ROUTES.add('into both nostrils', r('nasal', 'each nostril', 2));
ROUTES.add('in each eye', r('ophthalmic', 'both eyes', 2));
ROUTES.add('in each ear', r('otic', 'both ears', 2));
