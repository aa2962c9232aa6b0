import type { Severity, Source } from '../types';

// Drug–allergy screening data. An allergy to an ingredient alerts on that ingredient (and on every
// member of the ingredient's allergy classes — classes with `allergy` set in data/classes.ts); the
// cross-sensitivity rules below add lower-severity alerts across related classes.

/** Free-text allergy terms → class id (or ingredient). */
export const ALLERGY_TERMS: Readonly<Record<string, string>> = {
  penicillin: 'penicillin',
  penicillins: 'penicillin',
  pcn: 'penicillin',
  cephalosporins: 'cephalosporin',
  carbapenems: 'carbapenem',
  sulfa: 'sulfonamide-antibiotic',
  'sulfa drugs': 'sulfonamide-antibiotic',
  sulfonamide: 'sulfonamide-antibiotic',
  sulfonamides: 'sulfonamide-antibiotic',
  'sulfonamide antibiotics': 'sulfonamide-antibiotic',
  nsaid: 'cox-nonselective',
  nsaids: 'cox-nonselective',
  'non-steroidal anti-inflammatory drugs': 'cox-nonselective',
  salicylates: 'cox-nonselective',
  opioids: 'opioid',
  opiates: 'opioid-phenanthrene',
  narcotics: 'opioid',
  macrolides: 'macrolide',
  quinolones: 'fluoroquinolone',
  fluoroquinolones: 'fluoroquinolone',
  tetracyclines: 'tetracycline',
  'ace inhibitors': 'ace-inhibitor',
  statins: 'statin',
  codeine: 'codeine',
};

export interface CrossSensitivity {
  id: string;
  /** Allergen class (the patient's recorded allergy belongs to it). */
  from: string;
  /** Candidate class that may cross-react. */
  to: string;
  severity: Severity;
  detail: string;
  source: Source;
}

const PICHICHERO: Source = {
  citation:
    'Pichichero ME. Cephalosporins can be prescribed safely for penicillin-allergic patients. J Fam Pract 2006;55(2):106–12; Campagna JD, Bond MC, Schabelman E, Hayes BD. The use of cephalosporins in penicillin-allergic patients: a literature review. J Emerg Med 2012;42(5):612–20 (first generation OR 4.8; later generations negligible)',
  url: 'https://docslib.org/doc/1138106/cephalosporins-can-be-prescribed-safely-for-penicillin-allergic-patients',
};
const KHAN_2022: Source = {
  citation:
    'Khan DA, Banerji A, Blumenthal KG, et al. Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol 2022;150(6):1333–1393 (cephalosporins with dissimilar side chains; carbapenem cross-reactivity <1%)',
};
const ROMANO_2021: Source = {
  citation:
    'Romano A, Valluzzi RL, Caruso C, et al. β-Lactam allergy and cross-reactivity: a clinician’s guide to selecting an alternative antibiotic. J Asthma Allergy 2021;14:31–46 (aminopenicillin → aminocephalosporin cross-reactivity can exceed 30%; carbapenems and aztreonam <1%)',
  url: 'https://doi.org/10.2147/JAA.S242061',
};
const OPIOID_SOURCE: Source = {
  citation:
    'Baumann TJ. Analgesic selection when the patient is allergic to codeine. Clin Pharm 1991;10:659 (phenanthrene vs phenylpiperidine vs diphenylheptane; a different chemical class lowers but does not remove risk)',
};
const CARBAMAZEPINE_LABEL: Source = {
  citation:
    'FDA-approved labeling, Trileptal (oxcarbazepine) §5.3: 25–30% of patients with carbamazepine hypersensitivity react to oxcarbazepine; Tegretol (carbamazepine) §5 cross-sensitivity with aromatic anticonvulsants',
  url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=oxcarbazepine',
};

export const CROSS_SENSITIVITY: readonly CrossSensitivity[] = [
  {
    id: 'penicillin>cephalosporin-r1',
    from: 'penicillin',
    to: 'cephalosporin-aminopenicillin-r1',
    severity: 'moderate',
    source: ROMANO_2021,
    detail:
      'This cephalosporin shares or resembles the R1 side chain of ampicillin/amoxicillin; cross-reactivity in aminopenicillin-allergic patients can be high.',
  },
  {
    id: 'penicillin>cephalosporin',
    from: 'penicillin',
    to: 'cephalosporin',
    severity: 'minor',
    source: PICHICHERO,
    detail:
      'Cross-reactivity between penicillins and later-generation cephalosporins with dissimilar side chains is about 1–2% or less; the old "10%" figure is an overestimate. Avoid after a severe (anaphylaxis, SJS/TEN) reaction.',
  },
  {
    id: 'penicillin>carbapenem',
    from: 'penicillin',
    to: 'carbapenem',
    severity: 'minor',
    source: KHAN_2022,
    detail: 'Penicillin–carbapenem cross-reactivity is under 1%.',
  },
  {
    id: 'cephalosporin>penicillin',
    from: 'cephalosporin-aminopenicillin-r1',
    to: 'penicillin',
    severity: 'minor',
    source: ROMANO_2021,
    detail: 'Allergy to an aminocephalosporin may extend to aminopenicillins with the same R1 side chain.',
  },
  {
    id: 'opioid-phenanthrene>opioid',
    from: 'opioid-phenanthrene',
    to: 'opioid',
    severity: 'minor',
    source: OPIOID_SOURCE,
    detail:
      'Opioid from a different chemical class: cross-sensitivity is unlikely but possible. Most reported opioid "allergies" are pseudoallergy (histamine release).',
  },
  {
    id: 'opioid-phenylpiperidine>opioid',
    from: 'opioid-phenylpiperidine',
    to: 'opioid',
    severity: 'minor',
    source: OPIOID_SOURCE,
    detail: 'Opioid from a different chemical class: cross-sensitivity is unlikely but possible.',
  },
  {
    id: 'opioid-diphenylheptane>opioid',
    from: 'opioid-diphenylheptane',
    to: 'opioid',
    severity: 'minor',
    source: OPIOID_SOURCE,
    detail: 'Opioid from a different chemical class: cross-sensitivity is unlikely but possible.',
  },
  {
    id: 'cox-nonselective>cox2',
    from: 'cox-nonselective',
    to: 'cox2-selective',
    severity: 'minor',
    source: {
      citation:
        'Kowalski ML, Asero R, Bavbek S, et al. Classification and practical approach to the diagnosis and management of hypersensitivity to nonsteroidal anti-inflammatory drugs. Allergy 2013;68(10):1219–32 (selective COX-2 inhibitors are usually tolerated in cross-reactive NSAID hypersensitivity)',
    },
    detail:
      'Selective COX-2 inhibitors are usually tolerated by patients with cross-reactive NSAID/aspirin hypersensitivity; consider a supervised first dose.',
  },
];

/** Why non-antibiotic sulfonamides (furosemide, HCTZ, glipizide, celecoxib…) do not alert by default. */
export const SULFONAMIDE_NOTE: Source = {
  citation:
    'Strom BL, Schinnar R, Apter AJ, et al. Absence of cross-reactivity between sulfonamide antibiotics and sulfonamide nonantibiotics. N Engl J Med 2003;349(17):1628–35',
  url: 'https://pubmed.ncbi.nlm.nih.gov/14573734/',
};

/** Source for same-class allergy alerts (class membership + labeled hypersensitivity contraindication). */
export const SAME_CLASS_SOURCE: Readonly<Record<string, Source>> = {
  penicillin: {
    citation:
      'FDA-approved labeling of penicillins §4: contraindicated with a history of serious hypersensitivity to any penicillin',
  },
  cephalosporin: KHAN_2022,
  carbapenem: KHAN_2022,
  'sulfonamide-antibiotic': {
    citation:
      'FDA-approved labeling, Bactrim (sulfamethoxazole/trimethoprim) §4: contraindicated with known hypersensitivity to sulfonamides',
  },
  'cox-nonselective': {
    citation:
      'FDA-approved labeling of NSAIDs §4: contraindicated with asthma, urticaria or allergic-type reactions after aspirin or other NSAIDs (Kowalski 2013, Allergy 68:1219)',
  },
  'ace-inhibitor': {
    citation:
      'FDA-approved labeling, Zestril (lisinopril) §4: contraindicated with a history of angioedema related to previous ACE-inhibitor treatment',
  },
  'anticonvulsant-aromatic': CARBAMAZEPINE_LABEL,
  'opioid-phenanthrene': OPIOID_SOURCE,
  'opioid-phenylpiperidine': OPIOID_SOURCE,
  'opioid-diphenylheptane': OPIOID_SOURCE,
  macrolide: {
    citation:
      'FDA-approved labeling of macrolides §4: contraindicated with hypersensitivity to any macrolide',
  },
  fluoroquinolone: {
    citation:
      'FDA-approved labeling of fluoroquinolones §4: contraindicated with hypersensitivity to any quinolone',
  },
  tetracycline: {
    citation:
      'FDA-approved labeling of tetracyclines §4: contraindicated with hypersensitivity to any tetracycline',
  },
};
