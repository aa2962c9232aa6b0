import type { DdiRule } from './ddi-types';
import { label, ONC_HIGH_PRIORITY as ONC } from './sources';

// The 15 interactions of the ONC high-priority list (Phansalkar et al., JAMIA 2012;19:735, Table 2;
// row order as reproduced in AJHP 2022;79:1086 Table 4). The panel judged them contraindicated for
// concurrent use; where current labeling is more nuanced the management text says so.
// Note: the "warfarin–NSAID" and "methotrexate–trimethoprim" pairs sometimes quoted as ONC rows are
// NOT on the final list (they are encoded as community pairs in ddi-community.ts).
const MAOI = { classes: ['maoi'] };
const WASHOUT =
  'Do not combine. Allow 14 days after stopping an MAOI (longer after fluoxetine: 5 weeks) before starting.';

export const ONC_DDI_RULES: readonly DdiRule[] = [
  {
    id: 'amphetamine+maoi',
    onc: 1,
    a: { classes: ['amphetamine-derivative'] },
    b: MAOI,
    severity: 'contraindicated',
    title: 'Amphetamine/derivative with an MAO inhibitor',
    mechanism: 'MAO inhibition blocks breakdown of released catecholamines: hypertensive crisis.',
    management: WASHOUT,
    source: ONC,
  },
  {
    id: 'atazanavir+ppi',
    onc: 2,
    a: { ingredients: ['atazanavir'] },
    b: { classes: ['ppi'] },
    severity: 'contraindicated',
    title: 'Atazanavir with a proton pump inhibitor',
    mechanism:
      'Atazanavir needs gastric acid for absorption; PPIs lower its exposure and can cause virologic failure.',
    management:
      'Avoid. Reyataz labeling allows only ritonavir-boosted atazanavir with ≤ omeprazole 20 mg/day equivalents, 12 h apart, in treatment-naive patients.',
    source: ONC,
  },
  {
    id: 'febuxostat+thiopurine',
    onc: 3,
    a: { ingredients: ['febuxostat'] },
    b: { ingredients: ['azathioprine', 'mercaptopurine'] },
    severity: 'contraindicated',
    title: 'Febuxostat with azathioprine or mercaptopurine',
    mechanism: 'Xanthine oxidase inhibition blocks thiopurine inactivation: bone-marrow toxicity.',
    management: 'Contraindicated (Uloric labeling §4).',
    source: ONC,
  },
  {
    id: 'ssri+maoi',
    onc: 4,
    a: { classes: ['ssri'] },
    b: MAOI,
    severity: 'contraindicated',
    title: 'SSRI with an MAO inhibitor',
    mechanism: 'Additive serotonergic effect: serotonin syndrome.',
    management: WASHOUT,
    source: ONC,
  },
  {
    id: 'irinotecan+cyp3a4-strong',
    onc: 5,
    a: { ingredients: ['irinotecan'] },
    b: { classes: ['cyp3a4-strong-inhibitor'] },
    severity: 'contraindicated',
    title: 'Irinotecan with a strong CYP3A4 inhibitor',
    mechanism: 'CYP3A4 inhibition raises irinotecan and SN-38 exposure: severe neutropenia and diarrhoea.',
    management: 'Stop strong CYP3A4 inhibitors at least 1 week before irinotecan (Camptosar labeling §7).',
    source: ONC,
  },
  {
    id: 'opioid+maoi',
    onc: 6,
    a: { classes: ['opioid'], ingredients: ['dextromethorphan'] },
    b: MAOI,
    severity: 'contraindicated',
    title: 'Opioid (narcotic analgesic) with an MAO inhibitor',
    mechanism:
      'Serotonin syndrome (meperidine, tramadol, methadone, fentanyl, tapentadol) or potentiated opioid toxicity.',
    management: WASHOUT,
    source: ONC,
  },
  {
    id: 'tca+maoi',
    onc: 7,
    a: { classes: ['tca'] },
    b: MAOI,
    severity: 'contraindicated',
    title: 'Tricyclic antidepressant with an MAO inhibitor',
    mechanism: 'Serotonin syndrome and hypertensive reactions.',
    management: WASHOUT,
    source: ONC,
  },
  {
    id: 'qt-high-risk+qt-high-risk',
    onc: 8,
    a: { classes: ['qt-high-risk'] },
    b: { classes: ['qt-high-risk'] },
    severity: 'major',
    title: 'Two high-risk QT-prolonging drugs',
    mechanism: 'Additive QT prolongation: torsades de pointes.',
    management: 'Avoid the combination; if unavoidable obtain a baseline ECG, correct K/Mg and monitor QTc.',
    source: ONC,
  },
  {
    id: 'ramelteon+cyp1a2-strong',
    onc: 9,
    a: { ingredients: ['ramelteon'] },
    b: { classes: ['cyp1a2-strong-inhibitor'] },
    severity: 'contraindicated',
    title: 'Ramelteon with a strong CYP1A2 inhibitor',
    mechanism: 'Fluvoxamine raised ramelteon AUC about 190-fold.',
    management: 'Do not combine (Rozerem labeling §4, §7).',
    source: ONC,
  },
  {
    id: 'protease-inhibitor+cyp3a4-strong-inducer',
    onc: 10,
    a: { classes: ['protease-inhibitor'] },
    b: { classes: ['cyp3a4-strong-inducer'] },
    severity: 'contraindicated',
    title: 'Protease inhibitor with a strong CYP3A4 inducer',
    mechanism: 'Induction lowers protease-inhibitor exposure: loss of virologic response and resistance.',
    management:
      'Contraindicated per protease-inhibitor labeling (e.g. rifampin, St John’s wort, carbamazepine, phenytoin).',
    source: ONC,
  },
  {
    id: 'simvastatin-lovastatin+cyp3a4-strong',
    onc: 11,
    a: { ingredients: ['simvastatin', 'lovastatin'] },
    b: { classes: ['cyp3a4-strong-inhibitor', 'protease-inhibitor'] },
    severity: 'contraindicated',
    title: 'Simvastatin or lovastatin with a strong CYP3A4 inhibitor or protease inhibitor',
    mechanism: 'CYP3A4 inhibition raises statin exposure many-fold: myopathy and rhabdomyolysis.',
    management:
      'Contraindicated (Zocor, Mevacor labeling §4). Hold the statin during a clarithromycin/azole course or use pravastatin/rosuvastatin.',
    source: ONC,
  },
  {
    id: 'atorvastatin+cyp3a4-strong',
    onc: 11,
    a: { ingredients: ['atorvastatin'] },
    b: { classes: ['cyp3a4-strong-inhibitor', 'protease-inhibitor'] },
    severity: 'major',
    title: 'Atorvastatin with a strong CYP3A4 inhibitor or protease inhibitor',
    mechanism: 'CYP3A4 inhibition raises atorvastatin exposure: myopathy and rhabdomyolysis.',
    management:
      'Avoid with tipranavir/ritonavir; cap atorvastatin at 20 mg with clarithromycin, itraconazole, darunavir/ritonavir (Lipitor labeling §2, §7).',
    source: label('atorvastatin', 'Lipitor', '§2.6, §7'),
  },
  {
    id: 'cyp3a4-strong+ergot',
    onc: 12,
    a: { classes: ['cyp3a4-strong-inhibitor', 'protease-inhibitor'] },
    b: { classes: ['ergot'] },
    severity: 'contraindicated',
    title: 'Ergot alkaloid with a strong CYP3A4 inhibitor or protease inhibitor',
    mechanism: 'Raised ergot exposure: vasospasm and ischaemia of the limbs and brain (Boxed Warning).',
    management: 'Contraindicated (ergotamine/dihydroergotamine labeling).',
    source: ONC,
  },
  {
    id: 'tizanidine+cyp1a2',
    onc: 13,
    a: { ingredients: ['tizanidine'] },
    b: { classes: ['cyp1a2-strong-inhibitor'] },
    severity: 'contraindicated',
    title: 'Tizanidine with ciprofloxacin or fluvoxamine',
    mechanism:
      'CYP1A2 inhibition raised tizanidine AUC 10-fold (cipro) to 33-fold (fluvoxamine): hypotension, sedation.',
    management: 'Contraindicated (Zanaflex labeling §4).',
    source: ONC,
  },
  {
    id: 'tranylcypromine+procarbazine',
    onc: 14,
    a: { ingredients: ['tranylcypromine'] },
    b: { ingredients: ['procarbazine'] },
    severity: 'contraindicated',
    title: 'Tranylcypromine with procarbazine',
    mechanism: 'Procarbazine is itself an MAO inhibitor: additive MAO inhibition, hypertensive crisis.',
    management: WASHOUT,
    source: ONC,
  },
  {
    id: 'triptan+maoi',
    onc: 15,
    a: { classes: ['triptan'] },
    b: MAOI,
    severity: 'contraindicated',
    title: 'Triptan with an MAO inhibitor',
    mechanism:
      'MAO-A metabolises sumatriptan, rizatriptan and zolmitriptan: raised exposure, serotonin toxicity.',
    management:
      'Contraindicated within 2 weeks of an MAO-A inhibitor for sumatriptan, rizatriptan, zolmitriptan (labels §4); eletriptan, naratriptan, frovatriptan, almotriptan are not MAO-A substrates.',
    source: ONC,
  },
];
