import type { Source } from '../types';
import { label } from './sources';

/**
 * Maximum doses. Age bands are [minAgeYears, maxAgeYears). `routes` absent = oral. Per-kg limits
 * apply when the profile has a weight and are capped by the absolute limit when both exist.
 * When several bands match (adult + elderly), the lowest limit wins. Unknown age = adult band.
 */
export interface DoseLimit {
  ingredient: string;
  routes?: readonly string[];
  minAgeYears?: number;
  maxAgeYears?: number;
  singleMaxMg?: number;
  dailyMaxMg?: number;
  singleMaxMgPerKg?: number;
  dailyMaxMgPerKg?: number;
  note?: string;
  source: Source;
}

const IV = ['iv', 'im'];
const ADULT = { minAgeYears: 12 };
const AOM: Source = {
  citation:
    'Lieberthal AS, et al. The diagnosis and management of acute otitis media. Pediatrics 2013;131(3):e964–e999 (high-dose amoxicillin 80–90 mg/kg/day)',
};

export const DOSE_LIMITS: readonly DoseLimit[] = [
  {
    ingredient: 'acetaminophen',
    ...ADULT,
    singleMaxMg: 1000,
    dailyMaxMg: 4000,
    source: label(
      'acetaminophen',
      'acetaminophen-containing Rx products (FDA 2011 325 mg/unit limit)',
      '§2: max 4,000 mg/24 h',
    ),
    note: 'Many OTC labels now advise 3,000 mg/day; count every acetaminophen-containing product.',
  },
  {
    ingredient: 'acetaminophen',
    maxAgeYears: 12,
    singleMaxMgPerKg: 15,
    dailyMaxMgPerKg: 75,
    singleMaxMg: 1000,
    dailyMaxMg: 4000,
    routes: ['oral', 'iv', 'rectal'],
    source: label('acetaminophen', 'Ofirmev', '§2.2: children 2–12 y, 15 mg/kg per dose, max 75 mg/kg/day'),
  },
  {
    ingredient: 'ibuprofen',
    ...ADULT,
    singleMaxMg: 800,
    dailyMaxMg: 3200,
    source: label('ibuprofen', 'Motrin tablets', '§2: max 3,200 mg/day'),
  },
  {
    ingredient: 'ibuprofen',
    maxAgeYears: 12,
    singleMaxMgPerKg: 10,
    dailyMaxMgPerKg: 40,
    source: label('ibuprofen', 'Children’s Motrin suspension (Rx)', 'Dosage: max 40 mg/kg/day'),
  },
  {
    ingredient: 'naproxen',
    ...ADULT,
    dailyMaxMg: 1500,
    source: label('naproxen', 'Naprosyn', '§2: up to 1,500 mg/day for limited periods'),
  },
  {
    ingredient: 'ketorolac',
    ...ADULT,
    singleMaxMg: 10,
    dailyMaxMg: 40,
    source: label('ketorolac', 'ketorolac tromethamine tablets', '§2: max 40 mg/day oral, 5 days total'),
  },
  {
    ingredient: 'ketorolac',
    ...ADULT,
    maxAgeYears: 65,
    routes: IV,
    singleMaxMg: 30,
    dailyMaxMg: 120,
    source: label('ketorolac', 'ketorolac injection', '§2'),
  },
  {
    ingredient: 'ketorolac',
    minAgeYears: 65,
    routes: IV,
    singleMaxMg: 15,
    dailyMaxMg: 60,
    source: label('ketorolac', 'ketorolac injection', '§2: ≥65 y'),
  },
  { ingredient: 'celecoxib', ...ADULT, dailyMaxMg: 400, source: label('celecoxib', 'Celebrex', '§2') },
  { ingredient: 'meloxicam', ...ADULT, dailyMaxMg: 15, source: label('meloxicam', 'Mobic', '§2') },
  {
    ingredient: 'diclofenac',
    ...ADULT,
    dailyMaxMg: 200,
    source: label('diclofenac', 'Voltaren/Cataflam', '§2: RA up to 200 mg/day'),
  },
  {
    ingredient: 'aspirin',
    ...ADULT,
    singleMaxMg: 1000,
    dailyMaxMg: 4000,
    source: {
      citation:
        'OTC internal analgesic monograph Drug Facts (21 CFR 343): do not exceed 4,000 mg in 24 hours',
    },
  },
  {
    ingredient: 'tramadol',
    ...ADULT,
    singleMaxMg: 100,
    dailyMaxMg: 400,
    source: label('tramadol', 'Ultram', '§2: max 400 mg/day'),
  },
  {
    ingredient: 'tramadol',
    minAgeYears: 75,
    dailyMaxMg: 300,
    source: label('tramadol', 'Ultram', '§2: over 75 years, max 300 mg/day'),
  },
  {
    ingredient: 'codeine',
    ...ADULT,
    singleMaxMg: 60,
    dailyMaxMg: 360,
    source: label('codeine', 'codeine sulfate tablets', '§2: max 360 mg/24 h'),
  },
  {
    ingredient: 'metformin',
    minAgeYears: 17,
    dailyMaxMg: 2550,
    source: label('metformin', 'Glucophage', '§2: adults max 2,550 mg/day (IR)'),
    note: 'Extended-release products: max 2,000 mg/day.',
  },
  {
    ingredient: 'metformin',
    minAgeYears: 10,
    maxAgeYears: 17,
    dailyMaxMg: 2000,
    source: label('metformin', 'Glucophage', '§2: 10–16 y max 2,000 mg/day'),
  },
  { ingredient: 'glipizide', dailyMaxMg: 40, source: label('glipizide', 'Glucotrol', '§2') },
  { ingredient: 'glimepiride', dailyMaxMg: 8, source: label('glimepiride', 'Amaryl', '§2') },
  { ingredient: 'glyburide', dailyMaxMg: 20, source: label('glyburide', 'glyburide tablets', '§2') },
  {
    ingredient: 'lisinopril',
    minAgeYears: 17,
    dailyMaxMg: 80,
    source: label('lisinopril', 'Zestril', '§2.1: doses up to 80 mg/day'),
  },
  {
    ingredient: 'lisinopril',
    minAgeYears: 6,
    maxAgeYears: 17,
    dailyMaxMg: 40,
    dailyMaxMgPerKg: 0.61,
    source: label('lisinopril', 'Zestril', '§2.1: 6–16 y, above 0.61 mg/kg or 40 mg not studied'),
  },
  { ingredient: 'atorvastatin', dailyMaxMg: 80, source: label('atorvastatin', 'Lipitor', '§2') },
  { ingredient: 'rosuvastatin', dailyMaxMg: 40, source: label('rosuvastatin', 'Crestor', '§2') },
  {
    ingredient: 'simvastatin',
    dailyMaxMg: 40,
    source: label(
      'simvastatin',
      'Zocor',
      '§2: 80 mg only for patients on it ≥12 months without myopathy (FDA 2011)',
    ),
  },
  { ingredient: 'pravastatin', dailyMaxMg: 80, source: label('pravastatin', 'Pravachol', '§2') },
  { ingredient: 'lovastatin', dailyMaxMg: 80, source: label('lovastatin', 'Mevacor', '§2') },
  { ingredient: 'amlodipine', dailyMaxMg: 10, source: label('amlodipine', 'Norvasc', '§2') },
  { ingredient: 'losartan', dailyMaxMg: 100, source: label('losartan', 'Cozaar', '§2') },
  { ingredient: 'valsartan', dailyMaxMg: 320, source: label('valsartan', 'Diovan', '§2') },
  {
    ingredient: 'hydrochlorothiazide',
    dailyMaxMg: 50,
    source: label('hydrochlorothiazide', 'hydrochlorothiazide tablets', '§2'),
  },
  {
    ingredient: 'metoprolol',
    dailyMaxMg: 450,
    source: label('metoprolol', 'Lopressor', '§2: up to 450 mg/day'),
  },
  {
    ingredient: 'carvedilol',
    dailyMaxMg: 100,
    source: label('carvedilol', 'Coreg', '§2: HF >85 kg max 50 mg twice daily; hypertension max 50 mg/day'),
  },
  {
    ingredient: 'furosemide',
    dailyMaxMg: 600,
    source: label('furosemide', 'Lasix', 'Dosage: up to 600 mg/day in severe oedema'),
  },
  { ingredient: 'sertraline', dailyMaxMg: 200, source: label('sertraline', 'Zoloft', '§2') },
  { ingredient: 'fluoxetine', dailyMaxMg: 80, source: label('fluoxetine', 'Prozac', '§2') },
  {
    ingredient: 'paroxetine',
    dailyMaxMg: 60,
    source: label('paroxetine', 'Paxil', '§2: OCD up to 60 mg/day'),
  },
  {
    ingredient: 'paroxetine',
    minAgeYears: 65,
    dailyMaxMg: 40,
    source: label('paroxetine', 'Paxil', '§2.7: elderly max 40 mg/day'),
  },
  {
    ingredient: 'citalopram',
    dailyMaxMg: 40,
    source: label('citalopram', 'Celexa', '§2: max 40 mg/day (QT; FDA 2011)'),
  },
  {
    ingredient: 'citalopram',
    minAgeYears: 60,
    dailyMaxMg: 20,
    source: label('citalopram', 'Celexa', '§2: over 60 years max 20 mg/day'),
  },
  { ingredient: 'escitalopram', dailyMaxMg: 20, source: label('escitalopram', 'Lexapro', '§2') },
  {
    ingredient: 'venlafaxine',
    dailyMaxMg: 375,
    source: label('venlafaxine', 'Effexor', '§2: severely depressed inpatients up to 375 mg/day'),
  },
  { ingredient: 'duloxetine', dailyMaxMg: 120, source: label('duloxetine', 'Cymbalta', '§2') },
  {
    ingredient: 'bupropion',
    dailyMaxMg: 450,
    source: label('bupropion', 'Wellbutrin', '§2: max 450 mg/day (seizure risk is dose-related)'),
  },
  {
    ingredient: 'trazodone',
    dailyMaxMg: 600,
    source: label('trazodone', 'Desyrel', '§2: inpatients up to 600 mg/day'),
  },
  { ingredient: 'mirtazapine', dailyMaxMg: 45, source: label('mirtazapine', 'Remeron', '§2') },
  {
    ingredient: 'gabapentin',
    ...ADULT,
    dailyMaxMg: 3600,
    source: label('gabapentin', 'Neurontin', '§2: up to 3,600 mg/day'),
  },
  {
    ingredient: 'gabapentin',
    minAgeYears: 3,
    maxAgeYears: 12,
    dailyMaxMgPerKg: 50,
    source: label('gabapentin', 'Neurontin', '§2.3: 3–11 y, up to 50 mg/kg/day studied'),
  },
  { ingredient: 'pregabalin', dailyMaxMg: 600, source: label('pregabalin', 'Lyrica', '§2') },
  {
    ingredient: 'alprazolam',
    dailyMaxMg: 10,
    source: label('alprazolam', 'Xanax', '§2: panic disorder up to 10 mg/day'),
  },
  {
    ingredient: 'lorazepam',
    dailyMaxMg: 10,
    source: label('lorazepam', 'Ativan tablets', 'Dosage: 1–10 mg/day'),
  },
  {
    ingredient: 'clonazepam',
    dailyMaxMg: 20,
    source: label('clonazepam', 'Klonopin', '§2: seizure disorders max 20 mg/day'),
  },
  {
    ingredient: 'diazepam',
    dailyMaxMg: 40,
    source: label('diazepam', 'Valium', 'Dosage: up to 10 mg 4 times daily'),
  },
  {
    ingredient: 'zolpidem',
    singleMaxMg: 10,
    dailyMaxMg: 10,
    source: label('zolpidem', 'Ambien', '§2.1: max 10 mg once nightly (women: 5 mg recommended, FDA 2013)'),
  },
  {
    ingredient: 'zolpidem',
    minAgeYears: 65,
    singleMaxMg: 5,
    dailyMaxMg: 5,
    source: label('zolpidem', 'Ambien', '§2.2: elderly 5 mg'),
  },
  { ingredient: 'quetiapine', dailyMaxMg: 800, source: label('quetiapine', 'Seroquel', '§2') },
  { ingredient: 'aripiprazole', dailyMaxMg: 30, source: label('aripiprazole', 'Abilify', '§2') },
  {
    ingredient: 'cyclobenzaprine',
    dailyMaxMg: 30,
    source: label('cyclobenzaprine', 'Flexeril', 'Dosage: do not exceed 30 mg/day'),
  },
  { ingredient: 'tizanidine', dailyMaxMg: 36, source: label('tizanidine', 'Zanaflex', '§2: max 36 mg/day') },
  {
    ingredient: 'baclofen',
    dailyMaxMg: 80,
    source: label('baclofen', 'baclofen tablets', '§2: max 80 mg/day'),
  },
  {
    ingredient: 'amoxicillin',
    ...ADULT,
    dailyMaxMg: 3000,
    source: label('amoxicillin', 'Amoxil', '§2: H. pylori 1 g three times daily'),
  },
  {
    ingredient: 'amoxicillin',
    maxAgeYears: 12,
    dailyMaxMgPerKg: 90,
    dailyMaxMg: 4000,
    source: AOM,
    note: 'Label dosing is 25–45 mg/kg/day; 80–90 mg/kg/day is the AAP acute otitis media regimen.',
  },
  { ingredient: 'cephalexin', ...ADULT, dailyMaxMg: 4000, source: label('cephalexin', 'Keflex', '§2') },
  {
    ingredient: 'cephalexin',
    maxAgeYears: 12,
    dailyMaxMgPerKg: 100,
    dailyMaxMg: 4000,
    source: label('cephalexin', 'Keflex', '§2: severe infections up to 100 mg/kg/day'),
  },
  { ingredient: 'ciprofloxacin', dailyMaxMg: 1500, source: label('ciprofloxacin', 'Cipro', '§2') },
  { ingredient: 'levofloxacin', dailyMaxMg: 750, source: label('levofloxacin', 'Levaquin', '§2') },
  {
    ingredient: 'valacyclovir',
    dailyMaxMg: 3000,
    source: label('valacyclovir', 'Valtrex', '§2: zoster 1 g three times daily'),
  },
  {
    ingredient: 'montelukast',
    minAgeYears: 15,
    dailyMaxMg: 10,
    source: label('montelukast', 'Singulair', '§2'),
  },
  {
    ingredient: 'montelukast',
    minAgeYears: 6,
    maxAgeYears: 15,
    dailyMaxMg: 5,
    source: label('montelukast', 'Singulair', '§2: 6–14 y 5 mg'),
  },
  {
    ingredient: 'montelukast',
    maxAgeYears: 6,
    dailyMaxMg: 4,
    source: label('montelukast', 'Singulair', '§2: 2–5 y 4 mg'),
  },
  {
    ingredient: 'cetirizine',
    minAgeYears: 6,
    dailyMaxMg: 10,
    source: label('cetirizine', 'Zyrtec (OTC Drug Facts)', 'Directions'),
  },
  {
    ingredient: 'cetirizine',
    maxAgeYears: 6,
    dailyMaxMg: 5,
    source: label('cetirizine', 'Children’s Zyrtec (OTC Drug Facts)', 'Directions: 2–5 y max 5 mg/24 h'),
  },
  {
    ingredient: 'ondansetron',
    dailyMaxMg: 24,
    source: label('ondansetron', 'Zofran', '§2: oral 24 mg for highly emetogenic chemotherapy'),
  },
  {
    ingredient: 'ondansetron',
    routes: ['iv'],
    singleMaxMg: 16,
    source: label('ondansetron', 'Zofran injection', '§2 / FDA 2012: no single IV dose over 16 mg (QT)'),
  },
  {
    ingredient: 'methotrexate',
    singleMaxMg: 25,
    source: label('methotrexate', 'Methotrexate tablets', '§2: RA/psoriasis weekly dose'),
    note: 'Non-oncologic methotrexate is dosed once WEEKLY; confirm the schedule (ISMP).',
  },
  {
    ingredient: 'colchicine',
    singleMaxMg: 1.2,
    dailyMaxMg: 2.4,
    source: label('colchicine', 'Colcrys', '§2: FMF max 2.4 mg/day; gout flare 1.8 mg over 1 h'),
  },
  {
    ingredient: 'allopurinol',
    singleMaxMg: 300,
    dailyMaxMg: 800,
    source: label('allopurinol', 'Zyloprim', '§2: max 800 mg/day; divide doses above 300 mg'),
  },
  {
    ingredient: 'apixaban',
    dailyMaxMg: 20,
    source: label('apixaban', 'Eliquis', '§2: VTE treatment 10 mg twice daily for 7 days'),
  },
  {
    ingredient: 'rivaroxaban',
    dailyMaxMg: 30,
    source: label('rivaroxaban', 'Xarelto', '§2: VTE treatment 15 mg twice daily for 21 days'),
  },
  {
    ingredient: 'sildenafil',
    singleMaxMg: 100,
    dailyMaxMg: 100,
    source: label('sildenafil', 'Viagra', '§2: max once daily, 100 mg'),
  },
  {
    ingredient: 'sumatriptan',
    singleMaxMg: 100,
    dailyMaxMg: 200,
    source: label('sumatriptan', 'Imitrex tablets', '§2'),
  },
  {
    ingredient: 'diphenhydramine',
    ...ADULT,
    singleMaxMg: 50,
    dailyMaxMg: 300,
    source: label('diphenhydramine', 'diphenhydramine (OTC Drug Facts)', 'Directions'),
  },
];
