import { describe, expect, it } from 'vitest';
import { screen } from './screen';
import { buildMed, buildProfile } from './test-helpers';
import type { AlertKind, PatientProfile, ScreeningAlert, Severity } from './types';

interface Case {
  name: string;
  profile: PatientProfile;
  candidate: ReturnType<typeof buildMed>;
  expect: { id: string; kind: AlertKind; severity: Severity }[];
  absent?: string[];
}

const find = (alerts: ScreeningAlert[], id: string) => alerts.find((a) => a.id === id);

// Each case is written from the source cited on the data entry it exercises.
const CASES: Case[] = [
  // The four acceptance cases.
  {
    name: 'warfarin + NSAID → major (Coumadin label §7)',
    profile: buildProfile(['warfarin']),
    candidate: buildMed('ibuprofen'),
    expect: [{ id: 'ddi:anticoagulant+nsaid', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'warfarin + fluconazole → major (Coumadin label §7.1 CYP2C9 inhibitors)',
    profile: buildProfile(['warfarin']),
    candidate: buildMed('fluconazole'),
    expect: [{ id: 'ddi:warfarin+cyp2c9-inhibitor', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'penicillin allergy + amoxicillin → allergy alert',
    profile: buildProfile([], ['penicillin']),
    candidate: buildMed('amoxicillin'),
    expect: [{ id: 'allergy:penicillin:amoxicillin', kind: 'drug-allergy', severity: 'major' }],
  },
  {
    name: 'two SSRIs → therapeutic duplication',
    profile: buildProfile(['sertraline']),
    candidate: buildMed('fluoxetine'),
    expect: [{ id: 'dup-class:ssri', kind: 'therapeutic-duplication', severity: 'moderate' }],
  },
  {
    name: 'acetaminophen 5 g/day > 4 g/day label max → dose alert',
    profile: buildProfile([], [], { ageYears: 40 }),
    candidate: buildMed('acetaminophen', { dailyDoseMg: { acetaminophen: 5000 } }),
    expect: [{ id: 'dose-daily:acetaminophen', kind: 'dose-daily', severity: 'major' }],
  },
  // ONC high-priority list (Phansalkar 2012 Table 2).
  {
    name: 'ONC 4: SSRI + MAOI contraindicated',
    profile: buildProfile(['phenelzine']),
    candidate: buildMed('sertraline'),
    expect: [{ id: 'ddi:ssri+maoi', kind: 'drug-drug', severity: 'contraindicated' }],
  },
  {
    name: 'ONC 11: simvastatin + clarithromycin contraindicated (Zocor §4)',
    profile: buildProfile(['simvastatin']),
    candidate: buildMed('clarithromycin'),
    expect: [
      { id: 'ddi:simvastatin-lovastatin+cyp3a4-strong', kind: 'drug-drug', severity: 'contraindicated' },
    ],
  },
  {
    name: 'ONC 13: tizanidine + ciprofloxacin contraindicated (Zanaflex §4)',
    profile: buildProfile(['tizanidine']),
    candidate: buildMed('ciprofloxacin'),
    expect: [{ id: 'ddi:tizanidine+cyp1a2', kind: 'drug-drug', severity: 'contraindicated' }],
  },
  {
    name: 'ONC 2: atazanavir + omeprazole',
    profile: buildProfile(['omeprazole']),
    candidate: buildMed('atazanavir'),
    expect: [{ id: 'ddi:atazanavir+ppi', kind: 'drug-drug', severity: 'contraindicated' }],
  },
  {
    name: 'ONC 8: two high-risk QT drugs → major, without the weaker known-risk duplicate',
    profile: buildProfile(['amiodarone']),
    candidate: buildMed('methadone'),
    expect: [{ id: 'ddi:qt-high-risk+qt-high-risk', kind: 'drug-drug', severity: 'major' }],
    absent: ['ddi:qt-known-risk+qt-known-risk'],
  },
  // Community pairs (labels / FDA communications).
  {
    name: 'opioid + benzodiazepine → major (FDA 2016 boxed warning)',
    profile: buildProfile(['alprazolam']),
    candidate: buildMed('oxycodone'),
    expect: [{ id: 'ddi:opioid+benzodiazepine', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'sildenafil + isosorbide mononitrate → contraindicated (Viagra §4)',
    profile: buildProfile(['isosorbide mononitrate']),
    candidate: buildMed('sildenafil'),
    expect: [{ id: 'ddi:pde5+nitrate', kind: 'drug-drug', severity: 'contraindicated' }],
  },
  {
    name: 'clopidogrel + omeprazole → major (Plavix §7)',
    profile: buildProfile(['clopidogrel']),
    candidate: buildMed('omeprazole'),
    expect: [{ id: 'ddi:clopidogrel+cyp2c19-ppi', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'lithium + lisinopril → major (Lithobid §7)',
    profile: buildProfile(['lithium carbonate']),
    candidate: buildMed('lisinopril'),
    expect: [{ id: 'ddi:lithium+nsaid-diuretic-raas', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'methotrexate + SMX-TMP → major',
    profile: buildProfile(['methotrexate']),
    candidate: buildMed('sulfamethoxazole/trimethoprim'),
    expect: [{ id: 'ddi:methotrexate+trimethoprim', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'digoxin + amiodarone → major (Lanoxin §7)',
    profile: buildProfile(['digoxin']),
    candidate: buildMed('amiodarone'),
    expect: [{ id: 'ddi:digoxin+pgp-inhibitor', kind: 'drug-drug', severity: 'major' }],
  },
  {
    name: 'aspirin + ibuprofen → minor (FDA 2006)',
    profile: buildProfile(['aspirin']),
    candidate: buildMed('ibuprofen'),
    expect: [{ id: 'ddi:aspirin+ibuprofen', kind: 'drug-drug', severity: 'minor' }],
  },
  // Ingredient duplication across combination products.
  {
    name: 'hydrocodone/APAP + acetaminophen → ingredient duplication and cumulative daily dose',
    profile: buildProfile(
      [buildMed('hydrocodone/acetaminophen', { dailyDoseMg: { acetaminophen: 2600 } })],
      [],
      { ageYears: 50 },
    ),
    candidate: buildMed('acetaminophen', { dailyDoseMg: { acetaminophen: 2000 } }),
    expect: [
      { id: 'dup-ingredient:acetaminophen', kind: 'ingredient-duplication', severity: 'moderate' },
      { id: 'dose-daily:acetaminophen', kind: 'dose-daily', severity: 'major' },
    ],
  },
  // Dose by age band and weight.
  {
    name: 'citalopram 40 mg at age 70 > 20 mg (Celexa §2)',
    profile: buildProfile([], [], { ageYears: 70 }),
    candidate: buildMed('citalopram', { dailyDoseMg: { citalopram: 40 } }),
    expect: [{ id: 'dose-daily:citalopram', kind: 'dose-daily', severity: 'major' }],
  },
  {
    name: 'amoxicillin 1,200 mg/day for a 10 kg child > 90 mg/kg/day (AAP AOM)',
    profile: buildProfile([], [], { ageYears: 2, weightKg: 10 }),
    candidate: buildMed('amoxicillin', { dailyDoseMg: { amoxicillin: 1200 } }),
    expect: [{ id: 'dose-daily:amoxicillin', kind: 'dose-daily', severity: 'major' }],
  },
  {
    name: 'ibuprofen 1,000 mg single dose > 800 mg (Motrin §2)',
    profile: buildProfile([], [], { ageYears: 30 }),
    candidate: buildMed('ibuprofen', { singleDoseMg: { ibuprofen: 1000 } }),
    expect: [{ id: 'dose-single:ibuprofen', kind: 'dose-single', severity: 'major' }],
  },
  // Renal.
  {
    name: 'metformin at CrCl 25 → contraindicated (FDA 2016)',
    profile: buildProfile([], [], { crClMlMin: 25 }),
    candidate: buildMed('metformin'),
    expect: [{ id: 'renal:metformin:metformin', kind: 'renal', severity: 'contraindicated' }],
  },
  {
    name: 'nitrofurantoin at CrCl 20 → avoid (Beers 2023)',
    profile: buildProfile([], [], { crClMlMin: 20 }),
    candidate: buildMed('nitrofurantoin'),
    expect: [{ id: 'renal:nitrofurantoin:nitrofurantoin', kind: 'renal', severity: 'major' }],
  },
  {
    name: 'gabapentin 1,800 mg/day at CrCl 40 > 1,400 (Neurontin Table 2)',
    profile: buildProfile([], [], { crClMlMin: 40 }),
    candidate: buildMed('gabapentin', { dailyDoseMg: { gabapentin: 1800 } }),
    expect: [{ id: 'renal:gabapentin:gabapentin', kind: 'renal', severity: 'major' }],
  },
  // Pregnancy / lactation.
  {
    name: 'lisinopril in pregnancy → fetal toxicity boxed warning',
    profile: buildProfile([], [], { pregnant: true }),
    candidate: buildMed('lisinopril'),
    expect: [{ id: 'pregnancy:ace-inhibitor:lisinopril', kind: 'pregnancy', severity: 'major' }],
  },
  {
    name: 'isotretinoin in pregnancy → contraindicated',
    profile: buildProfile([], [], { pregnant: true }),
    candidate: buildMed('isotretinoin'),
    expect: [{ id: 'pregnancy:isotretinoin:isotretinoin', kind: 'pregnancy', severity: 'contraindicated' }],
  },
  {
    name: 'atorvastatin in pregnancy → moderate only (FDA 2021 removed contraindication)',
    profile: buildProfile([], [], { pregnant: true }),
    candidate: buildMed('atorvastatin'),
    expect: [{ id: 'pregnancy:statin:atorvastatin', kind: 'pregnancy', severity: 'moderate' }],
  },
  {
    name: 'codeine while breastfeeding → major (FDA 2017)',
    profile: buildProfile([], [], { lactating: true }),
    candidate: buildMed('codeine'),
    expect: [{ id: 'lactation:codeine:codeine', kind: 'lactation', severity: 'major' }],
  },
  // Age.
  {
    name: 'promethazine at 18 months → contraindicated (boxed warning)',
    profile: buildProfile([], [], { ageYears: 1.5 }),
    candidate: buildMed('promethazine'),
    expect: [{ id: 'age:promethazine-under-2:promethazine', kind: 'age', severity: 'contraindicated' }],
  },
  {
    name: 'zolpidem at 80 → Beers',
    profile: buildProfile([], [], { ageYears: 80 }),
    candidate: buildMed('zolpidem'),
    expect: [{ id: 'age:beers-z-hypnotic:zolpidem', kind: 'age', severity: 'moderate' }],
  },
  // High-alert and LASA.
  {
    name: 'insulin glargine → ISMP high-alert info',
    profile: buildProfile(),
    candidate: buildMed('insulin glargine'),
    expect: [{ id: 'high-alert:insulin', kind: 'high-alert', severity: 'info' }],
  },
  {
    name: 'hydroxyzine with hydralazine on profile → LASA minor',
    profile: buildProfile(['hydralazine']),
    candidate: buildMed('hydroxyzine'),
    expect: [{ id: 'lasa:hydroxyzine', kind: 'lasa', severity: 'minor' }],
  },
];

describe('screen: table from cited sources', () => {
  it.each(CASES)('$name', (c) => {
    const alerts = screen(c.profile, c.candidate);
    for (const e of c.expect) {
      const a = find(alerts, e.id);
      expect(a, `${e.id} in ${alerts.map((x) => x.id).join(', ')}`).toBeDefined();
      expect(a?.kind).toBe(e.kind);
      expect(a?.severity).toBe(e.severity);
      expect(a?.source.citation.length).toBeGreaterThan(10);
    }
    for (const id of c.absent ?? []) expect(find(alerts, id)).toBeUndefined();
  });
});

describe('screen: negative and boundary cases', () => {
  it('does not alert for unrelated drugs', () => {
    const alerts = screen(
      buildProfile(['lisinopril', 'atorvastatin'], [], { ageYears: 50 }),
      buildMed('levothyroxine'),
    );
    expect(alerts.filter((a) => a.kind !== 'high-alert' && a.kind !== 'lasa')).toEqual([]);
  });
  it('a refill of the same prescription (same id) is not a duplication', () => {
    const alerts = screen(buildProfile(['sertraline']), buildMed('sertraline'));
    expect(find(alerts, 'dup-ingredient:sertraline')).toBeUndefined();
  });
  it('the same ingredient under another id is an ingredient duplication', () => {
    const alerts = screen(
      buildProfile([buildMed('sertraline', { id: 'rx-1' })]),
      buildMed('sertraline', { id: 'rx-2' }),
    );
    expect(find(alerts, 'dup-ingredient:sertraline')?.ncpdpReasonCode).toBe('ID');
  });
  it('metformin at CrCl exactly 30 is the 30–45 band (do not start), not contraindicated', () => {
    expect(
      find(
        screen(buildProfile([], [], { crClMlMin: 30 }), buildMed('metformin')),
        'renal:metformin:metformin',
      )?.severity,
    ).toBe('moderate');
  });
  it('gabapentin within the renal band maximum gives no renal alert', () => {
    const c = buildMed('gabapentin', { dailyDoseMg: { gabapentin: 900 } });
    expect(
      find(screen(buildProfile([], [], { crClMlMin: 40 }), c), 'renal:gabapentin:gabapentin'),
    ).toBeUndefined();
  });
  it('acetaminophen exactly 4,000 mg/day is not above the maximum', () => {
    const c = buildMed('acetaminophen', { dailyDoseMg: { acetaminophen: 4000 } });
    expect(
      find(screen(buildProfile([], [], { ageYears: 40 }), c), 'dose-daily:acetaminophen'),
    ).toBeUndefined();
  });
  it('topical diclofenac does not interact with warfarin', () => {
    expect(
      find(
        screen(buildProfile(['warfarin']), buildMed('diclofenac', { route: 'topical' })),
        'ddi:anticoagulant+nsaid',
      ),
    ).toBeUndefined();
  });
  it('salt names and name-only combinations resolve', () => {
    const alerts = screen(buildProfile([{ name: 'Warfarin Sodium', ingredients: [] }]), {
      name: 'Naproxen Sodium 220 mg',
      ingredients: ['naproxen sodium'],
    });
    expect(find(alerts, 'ddi:anticoagulant+nsaid')?.involves).toEqual(['Warfarin Sodium']);
  });
  it('pregnancy flags need pregnant: true, except reproductive-potential flags', () => {
    expect(screen(buildProfile(), buildMed('lisinopril')).some((a) => a.kind === 'pregnancy')).toBe(false);
    const f = screen(buildProfile([], [], { sex: 'female', ageYears: 25 }), buildMed('isotretinoin'));
    expect(find(f, 'pregnancy:isotretinoin:isotretinoin')?.severity).toBe('major');
  });
  it('sets requiresOverride exactly for major and contraindicated', () => {
    const alerts = screen(buildProfile(['warfarin', 'sertraline']), buildMed('ibuprofen'));
    for (const a of alerts)
      expect(a.requiresOverride).toBe(a.severity === 'major' || a.severity === 'contraindicated');
  });
  it('minSeverity filters lower alerts', () => {
    const alerts = screen(buildProfile(['warfarin', 'sertraline']), buildMed('ibuprofen'), {
      minSeverity: 'major',
    });
    expect(alerts.map((a) => a.id)).toEqual(['ddi:anticoagulant+nsaid']);
  });
  it('acute-care setting uses the acute high-alert list', () => {
    expect(
      find(
        screen(buildProfile(), buildMed('glipizide'), { setting: 'acute' }),
        'high-alert:sulfonylurea-acute',
      ),
    ).toBeDefined();
    expect(
      find(screen(buildProfile(), buildMed('glipizide')), 'high-alert:sulfonylurea-acute'),
    ).toBeUndefined();
  });
});
