import type { Severity, Source } from '../types';
import { CREDIBLEMEDS, FDA_CYP_TABLE, FDA_EPC, label, ONC_HIGH_PRIORITY } from './sources';

/**
 * A drug class. `duplication` marks classes where two different members at once is a therapeutic
 * duplication (and at what severity); `allergy` marks classes where an allergy to one member is
 * reported against the others (same-class allergy severity).
 */
export interface DrugClass {
  id: string;
  name: string;
  source: Source;
  duplication?: Severity;
  allergy?: Severity;
}

const EPC = FDA_EPC;
const C = (id: string, name: string, extra: Partial<DrugClass> = {}, source: Source = EPC): DrugClass => ({
  id,
  name,
  source,
  ...extra,
});

/** Allergy groups and cross-sensitivity notes are cited in data/allergy.ts. */
export const DRUG_CLASSES: readonly DrugClass[] = [
  // Analgesics
  C('opioid', 'Opioid agonists', { duplication: 'moderate' }),
  C('opioid-phenanthrene', 'Opioids, phenanthrene (morphinan) structure', { allergy: 'moderate' }),
  C('opioid-phenylpiperidine', 'Opioids, phenylpiperidine structure', { allergy: 'moderate' }),
  C('opioid-diphenylheptane', 'Opioids, diphenylheptane structure', { allergy: 'moderate' }),
  C(
    'opioid-cyp3a4',
    'Opioids metabolised by CYP3A4 (boxed warning)',
    {},
    label('oxycodone', 'OxyContin', 'Boxed Warning; 7'),
  ),
  C('nsaid', 'Nonsteroidal anti-inflammatory drugs', { duplication: 'moderate' }),
  C('cox-nonselective', 'COX-1 inhibiting NSAIDs incl. aspirin (cross-reactive hypersensitivity)', {
    allergy: 'major',
  }),
  C('cox2-selective', 'Selective COX-2 inhibitors'),
  C('salicylate', 'Salicylates'),
  // Psychiatric / CNS
  C('ssri', 'Selective serotonin reuptake inhibitors', { duplication: 'moderate' }),
  C('snri', 'Serotonin and norepinephrine reuptake inhibitors', { duplication: 'moderate' }),
  C('tca', 'Tricyclic antidepressants', { duplication: 'moderate' }),
  C('maoi', 'Monoamine oxidase inhibitors (incl. linezolid, methylene blue)', { duplication: 'major' }),
  C('maoi-contraindicated', 'Drugs whose labels contraindicate use with or within 14 days of an MAOI'),
  C('benzodiazepine', 'Benzodiazepines', { duplication: 'moderate' }),
  C('z-hypnotic', 'Non-benzodiazepine hypnotics (z-drugs)', { duplication: 'moderate' }),
  C('cns-depressant', 'CNS depressants (opioid boxed-warning co-medications)'),
  C('antipsychotic', 'Antipsychotics', { duplication: 'moderate' }),
  C(
    'amphetamine-derivative',
    'Amphetamines and derivatives (ONC list pair 1)',
    { duplication: 'moderate' },
    ONC_HIGH_PRIORITY,
  ),
  C('gabapentinoid', 'Gabapentinoids', { duplication: 'moderate' }),
  C('muscle-relaxant', 'Skeletal muscle relaxants', { duplication: 'moderate' }),
  C('anticonvulsant-aromatic', 'Aromatic anticonvulsants (cross-sensitive hypersensitivity)', {
    allergy: 'moderate',
  }),
  C('triptan', 'Triptans (5-HT1B/1D agonists)', { duplication: 'moderate' }),
  C('ergot', 'Ergot alkaloids'),
  C('antihistamine-first-gen', 'First-generation antihistamines', { duplication: 'minor' }),
  C('cholinesterase-inhibitor', 'Cholinesterase inhibitors', { duplication: 'moderate' }),
  C('lithium', 'Lithium salts'),
  // Cardiovascular / renal
  C('ace-inhibitor', 'Angiotensin-converting enzyme inhibitors', {
    duplication: 'moderate',
    allergy: 'major',
  }),
  C('arb', 'Angiotensin II receptor blockers', { duplication: 'moderate' }),
  C('arni', 'Angiotensin receptor–neprilysin inhibitor'),
  C('renin-inhibitor', 'Direct renin inhibitors'),
  C('beta-blocker', 'Beta-adrenergic blockers', { duplication: 'moderate' }),
  C('ccb-dihydropyridine', 'Dihydropyridine calcium channel blockers', { duplication: 'moderate' }),
  C('ccb-nondihydropyridine', 'Non-dihydropyridine calcium channel blockers', { duplication: 'moderate' }),
  C('thiazide', 'Thiazide and thiazide-like diuretics', { duplication: 'moderate' }),
  C('loop-diuretic', 'Loop diuretics', { duplication: 'moderate' }),
  C('potassium-sparing-diuretic', 'Potassium-sparing diuretics and aldosterone antagonists', {
    duplication: 'moderate',
  }),
  C('potassium-supplement', 'Potassium supplements'),
  C('statin', 'HMG-CoA reductase inhibitors', { duplication: 'moderate' }),
  C('fibrate', 'Fibrates'),
  C('nitrate', 'Organic nitrates'),
  C('pde5-inhibitor', 'Phosphodiesterase-5 inhibitors', { duplication: 'moderate' }),
  C('anticoagulant', 'Anticoagulants (vitamin K antagonists, heparins, DOACs)', { duplication: 'major' }),
  C('antiplatelet', 'Antiplatelet agents'),
  C('antiarrhythmic', 'Antiarrhythmics'),
  C('cardiac-glycoside', 'Cardiac glycosides'),
  C('alpha-blocker', 'Alpha-1 blockers', { duplication: 'moderate' }),
  C('qt-high-risk', 'High-risk QT-prolonging agents (ONC list pair 8)', {}, ONC_HIGH_PRIORITY),
  C('qt-known-risk', 'Drugs with known risk of torsades de pointes', {}, CREDIBLEMEDS),
  // Endocrine / metabolic
  C('biguanide', 'Biguanides'),
  C('sulfonylurea', 'Sulfonylureas', { duplication: 'moderate' }),
  C('dpp4-inhibitor', 'Dipeptidyl peptidase-4 inhibitors', { duplication: 'moderate' }),
  C('glp1-agonist', 'GLP-1 receptor agonists', { duplication: 'moderate' }),
  C('sglt2-inhibitor', 'SGLT2 inhibitors', { duplication: 'moderate' }),
  C('thiazolidinedione', 'Thiazolidinediones'),
  C('insulin', 'Insulins'),
  C('thyroid-hormone', 'Thyroid hormones', { duplication: 'moderate' }),
  C('corticosteroid-systemic', 'Systemic corticosteroids'),
  C('estrogen', 'Estrogens'),
  C('progestin', 'Progestins'),
  C('androgen', 'Androgens'),
  C('5-alpha-reductase-inhibitor', '5-alpha reductase inhibitors', { duplication: 'moderate' }),
  C('bisphosphonate', 'Bisphosphonates', { duplication: 'moderate' }),
  C('xanthine-oxidase-inhibitor', 'Xanthine oxidase inhibitors', { duplication: 'major' }),
  // GI
  C('ppi', 'Proton pump inhibitors', { duplication: 'moderate' }),
  C('h2-blocker', 'Histamine-2 receptor antagonists', { duplication: 'moderate' }),
  C(
    'polyvalent-cation',
    'Oral polyvalent cations (calcium, iron, magnesium, aluminium, zinc)',
    {},
    label('ciprofloxacin', 'Cipro', '2.4; 7'),
  ),
  // Anti-infectives
  C('penicillin', 'Penicillins', { duplication: 'moderate', allergy: 'major' }),
  C('cephalosporin', 'Cephalosporins', { duplication: 'moderate', allergy: 'major' }),
  C(
    'cephalosporin-aminopenicillin-r1',
    'Cephalosporins with an R1 side chain identical/similar to ampicillin or amoxicillin',
  ),
  C('carbapenem', 'Carbapenems', { allergy: 'major' }),
  C('macrolide', 'Macrolides', { duplication: 'moderate', allergy: 'major' }),
  C('fluoroquinolone', 'Fluoroquinolones', { duplication: 'moderate', allergy: 'major' }),
  C('tetracycline', 'Tetracyclines', { duplication: 'moderate', allergy: 'major' }),
  C('sulfonamide-antibiotic', 'Sulfonamide antibacterials', { allergy: 'major' }),
  C('nitroimidazole', 'Nitroimidazoles'),
  C('azole-antifungal', 'Azole antifungals (systemic)'),
  C('protease-inhibitor', 'HIV/HCV protease inhibitors'),
  // Metabolism (FDA CYP table)
  C('cyp3a4-strong-inhibitor', 'Strong CYP3A4 inhibitors', {}, FDA_CYP_TABLE),
  C('cyp3a4-moderate-inhibitor', 'Moderate CYP3A4 inhibitors', {}, FDA_CYP_TABLE),
  C('cyp3a4-strong-inducer', 'Strong CYP3A4 inducers', {}, FDA_CYP_TABLE),
  C('cyp1a2-strong-inhibitor', 'Strong CYP1A2 inhibitors', {}, FDA_CYP_TABLE),
  C(
    'cyp1a2-inhibitor',
    'Moderate/weak CYP1A2 inhibitors named in the tizanidine label',
    {},
    label('tizanidine', 'Zanaflex', '7'),
  ),
  C('cyp2d6-strong-inhibitor', 'Strong CYP2D6 inhibitors', {}, FDA_CYP_TABLE),
  // Immunology / oncology
  C('immunosuppressant', 'Immunosuppressants'),
  C('thiopurine', 'Thiopurines'),
  C('chemotherapy-oral', 'Oral antineoplastics (non-hormonal)'),
  C('methylxanthine', 'Methylxanthines'),
  C('retinoid-systemic', 'Systemic retinoids'),
];

export const CLASS_BY_ID: ReadonlyMap<string, DrugClass> = new Map(DRUG_CLASSES.map((c) => [c.id, c]));
