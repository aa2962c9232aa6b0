/**
 * Clinical screening benchmark (issue 3): one candidate drug against a 20-drug profile with allergies, age, weight,
 * CrCl and pregnancy. Target: < 100 µs per candidate. Prints JSON.
 */
import { benchProfile, screeningBench } from '../packages/core/src/screening/index';

screeningBench(200); // warm up
const runs = [1, 2, 3].map(() => screeningBench(2000));
const best = Math.min(...runs.map((r) => r.microsPerCandidate));
console.log(
  JSON.stringify(
    {
      benchmark: 'clinical screening',
      profileMedications: benchProfile().activeMeds.length,
      microsPerCandidate: runs.map((r) => Math.round(r.microsPerCandidate * 10) / 10),
      alertsPerRound: runs[0]?.alerts,
      targetMicros: 100,
      met: best < 100,
    },
    null,
    2,
  ),
);
