import { CalcError } from './errors';

/**
 * Mean kinetic temperature. Haynes JD. J Pharm Sci 1971;60:927–9; USP <1079.2>:
 * MKT = (ΔH/R) / −ln( Σ e^(−ΔH/(R·Tᵢ)) / n ), T in kelvin, ΔH = 83.144 kJ/mol,
 * R = 8.3144 × 10⁻³ kJ/(mol·K), so ΔH/R = 10 000 K. Returns °C.
 */
export const MKT_DH_OVER_R = 83.144 / 0.0083144;

export function meanKineticTemperature(tempsC: readonly number[], dhOverR = MKT_DH_OVER_R): number {
  if (tempsC.length === 0) throw new CalcError('temperatures', 'needs at least one reading');
  let sum = 0;
  for (const t of tempsC) {
    if (!Number.isFinite(t) || t <= -273.15)
      throw new CalcError('temperatures', `impossible temperature ${t} °C`);
    sum += Math.exp(-dhOverR / (t + 273.15));
  }
  const mkt = dhOverR / -Math.log(sum / tempsC.length) - 273.15;
  if (!Number.isFinite(mkt)) throw new CalcError('temperatures', 'readings are too cold to evaluate');
  return mkt;
}
