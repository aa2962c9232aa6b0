import type { Severity, Source } from '../types';
import { BEERS_2023, FDA_CODEINE_TRAMADOL_2017, label } from './sources';

/** Drug–age rules (NCPDP reason PA). Bands are [minAgeYears, maxAgeYears). Skipped when age is unknown. */
export interface AgeRule {
  id: string;
  ingredients?: readonly string[];
  classes?: readonly string[];
  minAgeYears?: number;
  maxAgeYears?: number;
  severity: Severity;
  detail: string;
  source: Source;
}

export const AGE_RULES: readonly AgeRule[] = [
  {
    id: 'promethazine-under-2',
    ingredients: ['promethazine'],
    maxAgeYears: 2,
    severity: 'contraindicated',
    detail: 'Fatal respiratory depression in children under 2 years (Boxed Warning).',
    source: label('promethazine', 'Phenergan', 'Boxed Warning; §4'),
  },
  {
    id: 'codeine-tramadol-under-12',
    ingredients: ['codeine', 'tramadol'],
    maxAgeYears: 12,
    severity: 'contraindicated',
    detail:
      'Contraindicated under 12 years (ultra-rapid metabolism, respiratory depression and death); also after tonsillectomy/adenoidectomy under 18.',
    source: FDA_CODEINE_TRAMADOL_2017,
  },
  {
    id: 'benzonatate-under-10',
    ingredients: ['benzonatate'],
    maxAgeYears: 10,
    severity: 'major',
    detail: 'Not approved under 10 years; accidental ingestion in children under 2 has been fatal.',
    source: label('benzonatate', 'Tessalon', '§5 / FDA 2010 safety communication'),
  },
  {
    id: 'aspirin-under-19',
    ingredients: ['aspirin'],
    maxAgeYears: 19,
    severity: 'moderate',
    detail:
      'Reye’s syndrome: children and teenagers recovering from chickenpox or flu-like symptoms should not use aspirin.',
    source: { citation: 'OTC aspirin Drug Facts Reye’s syndrome warning (21 CFR 201.314(h))' },
  },
  {
    id: 'fluoroquinolone-under-18',
    classes: ['fluoroquinolone'],
    maxAgeYears: 18,
    severity: 'moderate',
    detail:
      'Arthropathy risk; use in children only for labeled indications (e.g. inhalational anthrax, plague, complicated UTI).',
    source: label('ciprofloxacin', 'Cipro', '§8.4'),
  },
  {
    id: 'tetracycline-under-8',
    classes: ['tetracycline'],
    maxAgeYears: 8,
    severity: 'moderate',
    detail:
      'Permanent tooth discoloration under 8 years; doxycycline short courses are acceptable for some infections.',
    source: label('doxycycline', 'Vibramycin', '§5.1'),
  },
  // AGS Beers Criteria 2023 (≥ 65 years): potentially inappropriate; avoid unless the benefit outweighs the risk.
  {
    id: 'beers-benzodiazepine',
    classes: ['benzodiazepine'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail: 'Beers 2023: avoid — cognitive impairment, delirium, falls, fractures, motor-vehicle crashes.',
  },
  {
    id: 'beers-z-hypnotic',
    classes: ['z-hypnotic'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail:
      'Beers 2023: avoid — similar adverse events to benzodiazepines with minimal improvement in sleep.',
  },
  {
    id: 'beers-first-gen-antihistamine',
    classes: ['antihistamine-first-gen'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail: 'Beers 2023: avoid — highly anticholinergic (confusion, constipation, urinary retention).',
  },
  {
    id: 'beers-muscle-relaxant',
    ingredients: ['cyclobenzaprine', 'methocarbamol', 'carisoprodol', 'metaxalone'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail:
      'Beers 2023: avoid — poorly tolerated (anticholinergic effects, sedation, fractures), questionable effectiveness.',
  },
  {
    id: 'beers-tertiary-tca',
    ingredients: ['amitriptyline', 'imipramine', 'clomipramine', 'doxepin'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail:
      'Beers 2023: avoid — highly anticholinergic, sedating, orthostatic hypotension (doxepin ≤ 6 mg/day excepted).',
  },
  {
    id: 'beers-sulfonylurea',
    classes: ['sulfonylurea'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail:
      'Beers 2023: avoid sulfonylureas as first- or second-line therapy — prolonged hypoglycaemia; if used, prefer short-acting (glipizide).',
  },
  {
    id: 'beers-meperidine',
    ingredients: ['meperidine'],
    minAgeYears: 65,
    severity: 'major',
    source: BEERS_2023,
    detail: 'Beers 2023: avoid — neurotoxicity (delirium) and safer alternatives exist.',
  },
  {
    id: 'beers-nsaid-high-risk',
    ingredients: ['indomethacin', 'ketorolac'],
    minAgeYears: 65,
    severity: 'major',
    source: BEERS_2023,
    detail:
      'Beers 2023: avoid — highest GI bleeding/renal risk among NSAIDs (indomethacin: also CNS effects).',
  },
  {
    id: 'beers-anticholinergic-bladder',
    ingredients: ['oxybutynin', 'dicyclomine'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail: 'Beers 2023: avoid — strong anticholinergic effects.',
  },
  {
    id: 'beers-estrogen',
    ingredients: ['estradiol', 'conjugated estrogens'],
    minAgeYears: 65,
    severity: 'moderate',
    source: BEERS_2023,
    detail:
      'Beers 2023: avoid systemic estrogen — breast and endometrial cancer risk; little cardioprotection or cognitive benefit.',
  },
];
