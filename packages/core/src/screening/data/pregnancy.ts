import type { Severity, Source } from '../types';
import {
  FDA_CODEINE_TRAMADOL_2017,
  FDA_NSAID_PREGNANCY_2020,
  FDA_STATIN_PREGNANCY_2021,
  label,
} from './sources';

// Pregnancy and lactation flags. Since the 2015 Pregnancy and Lactation Labeling Rule (PLLR) the
// A/B/C/D/X letters are retired, so each entry states the labeled risk and action in words.
export type PregnancyFlagKind =
  | 'contraindicated-in-pregnancy'
  | 'avoid-in-pregnancy'
  | 'caution-in-pregnancy';
export type LactationFlagKind = 'avoid-breastfeeding' | 'caution-breastfeeding';

export interface PregnancyFlag {
  ingredient?: string;
  classId?: string;
  flag: PregnancyFlagKind;
  severity: Severity;
  detail: string;
  /** Also alert (at this severity) for a female patient aged 12–50 not known to be pregnant. */
  reproductivePotential?: Severity;
  source: Source;
}

export interface LactationFlag {
  ingredient?: string;
  classId?: string;
  flag: LactationFlagKind;
  severity: Severity;
  detail: string;
  source: Source;
}

const CI = 'contraindicated-in-pregnancy' as const;

export const PREGNANCY_FLAGS: readonly PregnancyFlag[] = [
  {
    ingredient: 'isotretinoin',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('isotretinoin', 'Absorica / iPLEDGE REMS', 'Boxed Warning; §4'),
    detail:
      'Severe birth defects; iPLEDGE REMS requires two negative pregnancy tests and two forms of contraception.',
  },
  {
    ingredient: 'acitretin',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('acitretin', 'Soriatane', 'Boxed Warning'),
    detail: 'Teratogenic; avoid pregnancy for 3 years after stopping.',
  },
  {
    ingredient: 'warfarin',
    flag: CI,
    severity: 'contraindicated',
    source: label('warfarin', 'Coumadin', '§4, §8.1'),
    detail:
      'Contraindicated in pregnancy except in women with mechanical heart valves at high thromboembolic risk (embryopathy, fetal bleeding).',
  },
  {
    ingredient: 'methotrexate',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'moderate',
    source: label('methotrexate', 'Methotrexate tablets', 'Boxed Warning; §4'),
    detail: 'Contraindicated in pregnancy for non-neoplastic disease (embryo-fetal death, malformations).',
  },
  {
    classId: 'ace-inhibitor',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    source: label('lisinopril', 'Zestril', 'Boxed Warning: Fetal Toxicity'),
    detail:
      'Drugs acting on the renin–angiotensin system cause fetal injury and death in the 2nd/3rd trimester; discontinue as soon as pregnancy is detected.',
  },
  {
    classId: 'arb',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    source: label('losartan', 'Cozaar', 'Boxed Warning: Fetal Toxicity'),
    detail: 'Fetal toxicity (2nd/3rd trimester); discontinue as soon as pregnancy is detected.',
  },
  {
    ingredient: 'aliskiren',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    source: label('aliskiren', 'Tekturna', 'Boxed Warning'),
    detail: 'Fetal toxicity; discontinue when pregnancy is detected.',
  },
  {
    ingredient: 'sacubitril',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    source: label('sacubitril', 'Entresto', 'Boxed Warning'),
    detail: 'Fetal toxicity; discontinue when pregnancy is detected.',
  },
  {
    classId: 'statin',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: FDA_STATIN_PREGNANCY_2021,
    detail:
      'No longer contraindicated (FDA 2021); most patients should stop statins when pregnant, except very high-risk patients (e.g. homozygous FH).',
  },
  {
    ingredient: 'valproic acid',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    reproductivePotential: 'moderate',
    source: label('valproic acid', 'Depakote', 'Boxed Warning; §4'),
    detail:
      'Neural-tube defects, other malformations and lower IQ; contraindicated for migraine prevention in pregnancy.',
  },
  {
    ingredient: 'misoprostol',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'moderate',
    source: label('misoprostol', 'Cytotec', 'Boxed Warning; §4'),
    detail: 'Can cause abortion, premature birth or birth defects when used for NSAID-ulcer prevention.',
  },
  {
    classId: '5-alpha-reductase-inhibitor',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'moderate',
    source: label('finasteride', 'Proscar', '§4, §5.3'),
    detail:
      'Contraindicated in pregnancy; women who are or may become pregnant must not handle crushed or broken tablets (male fetal genital abnormalities).',
  },
  {
    ingredient: 'leflunomide',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('leflunomide', 'Arava', 'Boxed Warning; §4'),
    detail: 'Embryo-fetal toxicity; accelerated elimination procedure before pregnancy.',
  },
  {
    ingredient: 'mycophenolate',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    reproductivePotential: 'moderate',
    source: label('mycophenolate', 'CellCept', 'Boxed Warning; REMS'),
    detail: 'First-trimester loss and congenital malformations; REMS contraception counselling.',
  },
  {
    ingredient: 'thalidomide',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('thalidomide', 'Thalomid', 'Boxed Warning; REMS'),
    detail: 'Severe birth defects.',
  },
  {
    ingredient: 'lenalidomide',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('lenalidomide', 'Revlimid', 'Boxed Warning; REMS'),
    detail: 'Embryo-fetal toxicity.',
  },
  {
    ingredient: 'bosentan',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('bosentan', 'Tracleer', 'Boxed Warning; REMS'),
    detail: 'Embryo-fetal toxicity.',
  },
  {
    ingredient: 'ribavirin',
    flag: CI,
    severity: 'contraindicated',
    reproductivePotential: 'major',
    source: label('ribavirin', 'Rebetol', 'Boxed Warning; §4'),
    detail: 'Teratogenic; also contraindicated in male partners of pregnant women.',
  },
  {
    ingredient: 'testosterone',
    flag: CI,
    severity: 'contraindicated',
    source: label('testosterone', 'AndroGel', '§4'),
    detail: 'Virilisation of the female fetus.',
  },
  {
    classId: 'estrogen',
    flag: CI,
    severity: 'major',
    source: label('estradiol', 'Estrace', '§4'),
    detail: 'Estrogen therapy is contraindicated in known or suspected pregnancy.',
  },
  {
    ingredient: 'phentermine',
    flag: CI,
    severity: 'contraindicated',
    source: label('phentermine', 'Adipex-P', '§4'),
    detail: 'Weight loss offers no benefit in pregnancy.',
  },
  {
    classId: 'nsaid',
    flag: 'avoid-in-pregnancy',
    severity: 'major',
    source: FDA_NSAID_PREGNANCY_2020,
    detail:
      'Avoid from 20 weeks (fetal renal dysfunction, oligohydramnios) and from 30 weeks (premature ductus closure).',
  },
  {
    classId: 'tetracycline',
    flag: 'avoid-in-pregnancy',
    severity: 'moderate',
    source: label('doxycycline', 'Vibramycin', '§5.1, §8.1'),
    detail: 'Permanent tooth discoloration and inhibited bone growth when used in the 2nd/3rd trimester.',
  },
  {
    ingredient: 'topiramate',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: label('topiramate', 'Topamax', '§5.6'),
    detail: 'Oral clefts after first-trimester exposure.',
  },
  {
    ingredient: 'carbamazepine',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: label('carbamazepine', 'Tegretol', '§5, §8.1'),
    detail: 'Neural-tube defects; folate supplementation and registry enrolment advised.',
  },
  {
    ingredient: 'phenytoin',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: label('phenytoin', 'Dilantin', '§8.1'),
    detail: 'Fetal hydantoin syndrome.',
  },
  {
    ingredient: 'lithium',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: label('lithium', 'Lithobid', '§8.1'),
    detail: 'Cardiac malformations (Ebstein’s anomaly); monitor levels closely.',
  },
  {
    ingredient: 'paroxetine',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: label('paroxetine', 'Paxil', '§8.1'),
    detail: 'First-trimester exposure associated with cardiac malformations.',
  },
  {
    ingredient: 'methimazole',
    flag: 'caution-in-pregnancy',
    severity: 'moderate',
    source: label('methimazole', 'Tapazole', '§8.1'),
    detail: 'First-trimester congenital malformations; propylthiouracil preferred in the first trimester.',
  },
];

export const LACTATION_FLAGS: readonly LactationFlag[] = [
  {
    ingredient: 'codeine',
    flag: 'avoid-breastfeeding',
    severity: 'major',
    source: FDA_CODEINE_TRAMADOL_2017,
    detail:
      'Ultra-rapid CYP2D6 metabolisers pass high morphine levels into milk: infant sedation and respiratory depression.',
  },
  {
    ingredient: 'tramadol',
    flag: 'avoid-breastfeeding',
    severity: 'major',
    source: FDA_CODEINE_TRAMADOL_2017,
    detail: 'Infant respiratory depression; not recommended while breastfeeding.',
  },
  {
    ingredient: 'methotrexate',
    flag: 'avoid-breastfeeding',
    severity: 'major',
    source: label('methotrexate', 'Methotrexate tablets', '§8.2'),
    detail: 'Breastfeeding is not recommended.',
  },
  {
    ingredient: 'isotretinoin',
    flag: 'avoid-breastfeeding',
    severity: 'major',
    source: label('isotretinoin', 'Absorica', '§8.2'),
    detail: 'Not recommended while breastfeeding.',
  },
  {
    ingredient: 'amiodarone',
    flag: 'avoid-breastfeeding',
    severity: 'major',
    source: label('amiodarone', 'Pacerone', '§8.2'),
    detail: 'Breastfeeding is not recommended (infant thyroid and cardiac effects).',
  },
  {
    ingredient: 'leflunomide',
    flag: 'avoid-breastfeeding',
    severity: 'major',
    source: label('leflunomide', 'Arava', '§8.2'),
    detail: 'Breastfeeding is not recommended.',
  },
  {
    ingredient: 'mycophenolate',
    flag: 'avoid-breastfeeding',
    severity: 'moderate',
    source: label('mycophenolate', 'CellCept', '§8.2'),
    detail: 'Breastfeeding is not recommended.',
  },
  {
    classId: 'statin',
    flag: 'avoid-breastfeeding',
    severity: 'moderate',
    source: FDA_STATIN_PREGNANCY_2021,
    detail: 'Breastfeeding is not recommended during statin therapy.',
  },
  {
    ingredient: 'lithium',
    flag: 'caution-breastfeeding',
    severity: 'moderate',
    source: label('lithium', 'Lithobid', '§8.2'),
    detail: 'Infant lithium levels can reach half the mother’s; monitor the infant.',
  },
  {
    classId: 'estrogen',
    flag: 'caution-breastfeeding',
    severity: 'minor',
    source: label('ethinyl estradiol', 'combined oral contraceptives', '§8.2'),
    detail: 'Estrogens can reduce milk production; progestin-only methods are preferred early postpartum.',
  },
];
