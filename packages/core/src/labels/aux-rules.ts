import type { DeaSchedule } from './types';

/**
 * Auxiliary-warning rules as data. A rule fires when any of its `when` criteria matches and none of its
 * `unless` criteria does; a criterion matches when every field it sets matches (fields are ANDed).
 * Ingredient names match as whole words (so "doxycycline hyclate" matches "doxycycline"); classes match
 * exactly after normalization (see AUX_CLASSES). Each rule names its source; wording is plain English
 * in the spirit of USP <17> (simple, standardized, evidence-based auxiliary information).
 */
export interface AuxCriterion {
  schedules?: readonly DeaSchedule[];
  /** Any of these ingredients. */
  ingredients?: readonly string[];
  /** All of these ingredients (combination products). */
  allIngredients?: readonly string[];
  classes?: readonly string[];
  form?: RegExp;
  route?: RegExp;
  storage?: RegExp;
}

export interface AuxRule {
  id: string;
  text: string;
  source: string;
  /** Required by law (not merely advisory): validateLabel insists on it. */
  required?: boolean;
  when: readonly AuxCriterion[];
  unless?: readonly AuxCriterion[];
}

/** 21 CFR 290.5: exact wording required on CII–CIV labels. */
export const FEDERAL_TRANSFER_CAUTION =
  'Caution: Federal law prohibits the transfer of this drug to any person other than the patient for whom it was prescribed.';

const OPIOIDS = [
  'oxycodone',
  'hydrocodone',
  'morphine',
  'hydromorphone',
  'oxymorphone',
  'codeine',
  'tramadol',
];
const OPIOIDS_2 = ['tapentadol', 'fentanyl', 'methadone', 'buprenorphine', 'meperidine'];
const BENZODIAZEPINES = [
  'alprazolam',
  'lorazepam',
  'clonazepam',
  'diazepam',
  'temazepam',
  'chlordiazepoxide',
];
const SEDATING_ANTIHISTAMINES = [
  'diphenhydramine',
  'hydroxyzine',
  'promethazine',
  'chlorpheniramine',
  'meclizine',
  'doxylamine',
  'cyproheptadine',
];
const MUSCLE_RELAXANTS = [
  'cyclobenzaprine',
  'methocarbamol',
  'tizanidine',
  'baclofen',
  'carisoprodol',
  'metaxalone',
];
const GABAPENTINOIDS = ['gabapentin', 'pregabalin'];
const NSAIDS = [
  'ibuprofen',
  'naproxen',
  'meloxicam',
  'diclofenac',
  'celecoxib',
  'indomethacin',
  'etodolac',
  'nabumetone',
  'ketorolac',
];
const TETRACYCLINES = ['doxycycline', 'minocycline', 'tetracycline', 'demeclocycline'];
const FLUOROQUINOLONES = ['ciprofloxacin', 'levofloxacin', 'moxifloxacin', 'ofloxacin'];
const OTHER_ANTIBACTERIALS = [
  'amoxicillin',
  'penicillin',
  'cephalexin',
  'cefdinir',
  'cefuroxime',
  'azithromycin',
  'clarithromycin',
  'clindamycin',
  'sulfamethoxazole',
  'nitrofurantoin',
  'metronidazole',
  'linezolid',
];

/** Class names the rules recognize (callers map their drug classification onto these). */
export const AUX_CLASSES = [
  'opioid',
  'benzodiazepine',
  'sedating antihistamine',
  'skeletal muscle relaxant',
  'gabapentinoid',
  'nsaid',
  'biguanide',
  'corticosteroid',
  'insulin',
  'tetracycline',
  'fluoroquinolone',
  'antibacterial',
] as const;

/** Routes where a swallowed-drug warning makes no sense. */
const NOT_SWALLOWED = /ophthalmic|\botic\b|topical|\bcutaneous|transdermal|vaginal|rectal|dental/i;
const EXTENDED_RELEASE = /extended|sustained|controlled|delayed|enteric|\b(?:12|24)\s*hr\b/i;
/** Release abbreviations in product names: case-sensitive so "la" or "er" inside words never match. */
const RELEASE_ABBREVIATION = /\b(?:ER|XR|XL|SR|CR|DR|LA|EC)\b/;

export const AUX_RULES: readonly AuxRule[] = [
  {
    id: 'federal-transfer',
    text: FEDERAL_TRANSFER_CAUTION,
    source: '21 CFR 290.5 (required on the label of CII, CIII and CIV drugs dispensed to a patient)',
    required: true,
    when: [{ schedules: ['CII', 'CIII', 'CIV'] }],
  },
  {
    id: 'drowsiness',
    text: 'May cause drowsiness. Use care when driving or operating machinery.',
    source:
      'FDA labeling: opioid and benzodiazepine boxed warnings (CNS depression, 2016/2020), gabapentin/pregabalin ' +
      'and muscle-relaxant labeling (somnolence; driving impairment), sedating antihistamine labeling',
    when: [
      { ingredients: [...OPIOIDS, ...OPIOIDS_2, ...BENZODIAZEPINES, ...SEDATING_ANTIHISTAMINES] },
      { ingredients: [...MUSCLE_RELAXANTS, ...GABAPENTINOIDS] },
      {
        classes: [
          'opioid',
          'benzodiazepine',
          'sedating antihistamine',
          'skeletal muscle relaxant',
          'gabapentinoid',
        ],
      },
    ],
    unless: [{ route: /ophthalmic|\botic\b|topical|\bcutaneous/i }],
  },
  {
    id: 'alcohol-metronidazole',
    text: 'Do not drink alcohol while taking this medicine and for 3 days after the last dose.',
    source: 'Metronidazole (Flagyl) and tinidazole labeling: disulfiram-like reaction with alcohol',
    when: [{ ingredients: ['metronidazole', 'tinidazole'] }],
    unless: [{ route: /topical|\bcutaneous|vaginal/i }],
  },
  {
    id: 'take-with-food',
    text: 'Take with food or milk.',
    source:
      'NSAID labeling/Medication Guide (GI bleeding, ulceration); metformin labeling ("taken with meals"); ' +
      'prednisone: common practice to reduce GI upset',
    when: [{ ingredients: [...NSAIDS, 'metformin', 'prednisone'] }, { classes: ['nsaid', 'biguanide'] }],
    unless: [{ route: NOT_SWALLOWED }],
  },
  {
    id: 'avoid-sun',
    text: 'Avoid prolonged sun exposure. Use sunscreen and protective clothing.',
    source: 'Tetracycline-class labeling (photosensitivity) and fluoroquinolone labeling (phototoxicity)',
    when: [
      { ingredients: [...TETRACYCLINES, ...FLUOROQUINOLONES] },
      { classes: ['tetracycline', 'fluoroquinolone'] },
    ],
    unless: [{ route: /ophthalmic|\botic\b/i }],
  },
  {
    id: 'finish-all',
    text: 'Take until finished, even if you feel better. Do not skip doses.',
    source: '21 CFR 201.24 (systemic antibacterials: skipping doses or stopping early breeds resistance)',
    when: [
      { ingredients: [...TETRACYCLINES, ...FLUOROQUINOLONES, ...OTHER_ANTIBACTERIALS] },
      { classes: ['antibacterial', 'tetracycline', 'fluoroquinolone'] },
    ],
    unless: [{ route: /ophthalmic|\botic\b|topical|\bcutaneous|vaginal/i }],
  },
  {
    id: 'shake-well',
    text: 'Shake well before using.',
    source:
      'USP <1151> Pharmaceutical Dosage Forms (suspensions settle and must be redispersed before each dose)',
    when: [{ form: /suspension|emulsion/i }],
  },
  {
    id: 'refrigerate',
    text: 'Keep in the refrigerator. Do not freeze.',
    source:
      'Product labeling: insulins (unopened, 2–8 °C, do not freeze); amoxicillin-clavulanate, penicillin V and ' +
      'cephalexin oral suspensions (refrigerate after reconstitution); or the product storage statement',
    when: [
      { storage: /refrigerat|2\s*°?\s*C?\s*(?:-|–|to)\s*8\s*°?\s*C/i },
      { ingredients: ['insulin'] },
      { classes: ['insulin'] },
      { allIngredients: ['amoxicillin', 'clavulanate'], form: /suspension/i },
      { ingredients: ['penicillin v', 'cephalexin'], form: /suspension|solution/i },
    ],
  },
  {
    id: 'do-not-crush',
    text: 'Swallow whole. Do not crush, break or chew.',
    source: 'ISMP "Oral Dosage Forms That Should Not Be Crushed" (extended- and delayed-release forms)',
    when: [{ form: EXTENDED_RELEASE }, { form: RELEASE_ABBREVIATION }],
    unless: [{ route: NOT_SWALLOWED }, { form: /suspension|injection|patch|transdermal/i }],
  },
  {
    id: 'external-use',
    text: 'For external use only. Do not swallow.',
    source: 'Wording of 21 CFR 201.66(c)(5)(i) ("For external use only"), applied to topical Rx products',
    when: [
      { route: /topical|\bcutaneous|transdermal/i },
      { form: /cream|ointment|lotion|\bgel\b|foam|patch|paste/i },
    ],
    unless: [{ route: /\boral|ophthalmic|\botic\b|vaginal|rectal|nasal|dental/i }],
  },
  {
    id: 'for-the-eye',
    text: 'For the eye.',
    source: 'Route of administration in the product labeling (ophthalmic)',
    when: [{ route: /ophthalmic/i }],
  },
  {
    id: 'for-the-ear',
    text: 'For the ear.',
    source: 'Route of administration in the product labeling (otic)',
    when: [{ route: /\botic\b|auricular/i }],
  },
];
