import { nonNegative, positive } from './check';
import { CalcError } from './errors';

// Parenteral nutrition arithmetic. Energy factors: dextrose monohydrate 3.4 kcal/g, amino acids
// 4 kcal/g (ASPEN Adult Nutrition Support Core Curriculum); lipid emulsions per product labeling
// (Intralipid: 10 % 1.1, 20 % 2.0, 30 % 3.0 kcal/mL, counting phospholipid and glycerol).

export const KCAL_PER_G_DEXTROSE = 3.4;
export const KCAL_PER_G_AMINO_ACID = 4;
export function lipidKcalPerMl(percent: number): number {
  if (percent === 10) return 1.1;
  if (percent === 20) return 2;
  if (percent === 30) return 3;
  throw new CalcError('lipidPercent', 'give lipidKcalPerMl for emulsions other than 10, 20 or 30 %');
}

export interface PnMacros {
  dextroseG: number;
  aminoAcidG: number;
  lipidG: number;
  dextroseKcal: number;
  aminoAcidKcal: number;
  lipidKcal: number;
  totalKcal: number;
  nonProteinKcal: number;
  nitrogenG: number;
  /** non-protein kcal per g nitrogen; undefined without protein */
  npcToN: number | undefined;
}

export function pnMacros(i: {
  dextroseG: number;
  aminoAcidG: number;
  lipidMl: number;
  lipidPercent: number;
  lipidKcalPerMl?: number | undefined;
}): PnMacros {
  nonNegative('dextrose', i.dextroseG);
  nonNegative('aminoAcids', i.aminoAcidG);
  nonNegative('lipidVolume', i.lipidMl);
  nonNegative('lipidPercent', i.lipidPercent);
  const kcalPerMl = i.lipidMl === 0 ? 0 : (i.lipidKcalPerMl ?? lipidKcalPerMl(i.lipidPercent));
  const dextroseKcal = i.dextroseG * KCAL_PER_G_DEXTROSE;
  const aminoAcidKcal = i.aminoAcidG * KCAL_PER_G_AMINO_ACID;
  const lipidKcal = i.lipidMl * kcalPerMl;
  const nonProteinKcal = dextroseKcal + lipidKcal;
  // 16 % of protein mass is nitrogen → g N = g protein / 6.25
  const nitrogenG = i.aminoAcidG / 6.25;
  return {
    dextroseG: i.dextroseG,
    aminoAcidG: i.aminoAcidG,
    lipidG: (i.lipidMl * i.lipidPercent) / 100,
    dextroseKcal,
    aminoAcidKcal,
    lipidKcal,
    totalKcal: nonProteinKcal + aminoAcidKcal,
    nonProteinKcal,
    nitrogenG,
    npcToN: nitrogenG > 0 ? nonProteinKcal / nitrogenG : undefined,
  };
}

/** Glucose infusion rate, mg/kg/min = dextrose g/h × 1000 / (60 × kg). */
export function glucoseInfusionRate(dextroseGPerHour: number, weightKg: number): number {
  nonNegative('dextrose', dextroseGPerHour);
  positive('weight', weightKg);
  return (dextroseGPerHour * 1000) / (60 * weightKg);
}

// Estimated osmolarity (mOsm/L): dextrose 5 mOsm/g, amino acids 10 mOsm/g, lipid 1.5 mOsm/g
// (3-in-1 only), electrolytes 2 mOsm per mEq of cation (cation + its anion). ASPEN Parenteral
// Nutrition Handbook; peripheral limit 900 mOsm/L (Mirtallo J et al., ASPEN Safe Practices for
// Parenteral Nutrition, JPEN 2004;28:S39–70).
export const PERIPHERAL_LIMIT_MOSM_L = 900;
export function pnOsmolarity(i: {
  dextroseG: number;
  aminoAcidG: number;
  lipidG: number;
  cationsMeq: number;
  volumeL: number;
}): number {
  nonNegative('dextrose', i.dextroseG);
  nonNegative('aminoAcids', i.aminoAcidG);
  nonNegative('lipid', i.lipidG);
  nonNegative('electrolytes', i.cationsMeq);
  positive('volume', i.volumeL);
  return (i.dextroseG * 5 + i.aminoAcidG * 10 + i.lipidG * 1.5 + i.cationsMeq * 2) / i.volumeL;
}

/**
 * Calcium–phosphate screen: solubility product = Ca (mEq/L) × phosphate (mmol/L) at the volume
 * present when calcium is added. Limits (RxKinetics TPN documentation): 300 for a 2-in-1, 150 for a
 * 3-in-1 (lipid hides precipitate). This is a screen only: solubility depends on amino acid
 * product and concentration, pH, temperature, calcium salt (gluconate, not chloride) and mixing
 * order; check the manufacturer's solubility curve.
 */
export function caPhosProduct(
  caMeq: number,
  phosMmol: number,
  volumeL: number,
): {
  caMeqL: number;
  phosMmolL: number;
  product: number;
} {
  nonNegative('calcium', caMeq);
  nonNegative('phosphate', phosMmol);
  positive('volume', volumeL);
  const caMeqL = caMeq / volumeL;
  const phosMmolL = phosMmol / volumeL;
  return { caMeqL, phosMmolL, product: caMeqL * phosMmolL };
}
