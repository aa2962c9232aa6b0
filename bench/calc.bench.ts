/**
 * Calculations engine benchmark (issue 7). Targets: ≥ 1,000,000/s for pure formulas; ≥ 100,000/s including
 * UCUM unit parsing/conversion through runCalculation. Prints JSON.
 */
import {
  bsaMosteller,
  carboplatinCalvert,
  cockcroftGault,
  dripRate,
  ibwDevine,
  runCalculation,
} from '../packages/core/src/calc/index';

function rate(label: string, n: number, fn: (i: number) => unknown) {
  for (let i = 0; i < Math.min(n, 10_000); i++) fn(i); // warm up
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(i) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - t0);
  return { label, iterations: n, perSecond: Math.round((n / ns) * 1e9), sink };
}

const pure = [
  rate('cockcroftGault', 1_000_000, (i) =>
    cockcroftGault({ ageYears: 40 + (i % 40), sex: 'male', weightKg: 80, heightCm: 178, scrMgDl: 1.1 }),
  ),
  rate('bsaMosteller', 2_000_000, (i) => bsaMosteller(60 + (i % 40), 170)),
  rate('ibwDevine', 2_000_000, (i) => ibwDevine(150 + (i % 50), 'female')),
  rate('carboplatinCalvert', 1_000_000, (i) => carboplatinCalvert(5, 60 + (i % 80))),
  rate('dripRate', 1_000_000, (i) => dripRate(1000 + (i % 10), 480, 15)),
];
const mixedInputs = [
  ['crcl', { age: 53, sex: 'male', weight: '87 kg', height: '175 cm', scr: '1.39 mg/dL' }],
  ['bsa', { weight: '154 [lb_av]', height: '69 in' }],
  ['bmi', { weight: '70 kg', height: '1.75 m' }],
  ['ibw', { height: '5.9 [ft_i]', sex: 'female' }],
] as const;
const withUcum = rate('runCalculation mixed (UCUM parsing/conversion)', 200_000, (i) => {
  const [id, inputs] = mixedInputs[i % mixedInputs.length]!;
  return runCalculation(id, inputs);
});
const minPure = Math.min(...pure.map((p) => p.perSecond));
console.log(
  JSON.stringify(
    {
      benchmark: 'calculations',
      pureFormulas: pure.map(({ sink: _s, ...r }) => r),
      withUcum: { label: withUcum.label, iterations: withUcum.iterations, perSecond: withUcum.perSecond },
      targets: { pureFormulasPerSecond: 1_000_000, withUcumPerSecond: 100_000 },
      met: { pure: minPure >= 1_000_000, withUcum: withUcum.perSecond >= 100_000 },
    },
    null,
    2,
  ),
);
