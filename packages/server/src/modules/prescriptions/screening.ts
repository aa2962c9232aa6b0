import {
  type MedicationRef,
  type PatientProfile,
  type ScreeningAlert,
  screen,
} from '@apotheca/core/screening';
import type { Db } from '../../platform/db/database';
import type { PrescriptionTable } from '../../platform/db/schema-rx';
import { activeMedsOfPatient } from './repository';

const yearsBetween = (birth: string, on: Date) => {
  const b = new Date(`${birth}T00:00:00Z`);
  let age = on.getUTCFullYear() - b.getUTCFullYear();
  const m = on.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && on.getUTCDate() < b.getUTCDate())) age--;
  return age;
};

/** Builds the screening profile from the patient's record: active prescriptions, allergies, age, weight, pregnancy. */
export async function patientProfile(db: Db, rx: PrescriptionTable): Promise<PatientProfile | null> {
  if (!rx.patient_id) return null;
  const patient = await db
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', rx.patient_id)
    .executeTakeFirst();
  if (!patient) return null;
  const [meds, allergies, weight] = await Promise.all([
    activeMedsOfPatient(db, patient.id, rx.id),
    db
      .selectFrom('patient_allergies')
      .select(['substance', 'reaction', 'severity'])
      .where('patient_id', '=', patient.id)
      .where('status', '=', 'active')
      .execute(),
    db
      .selectFrom('patient_measurements')
      .select(['value', 'unit'])
      .where('patient_id', '=', patient.id)
      .where('kind', '=', 'weight')
      .orderBy('measured_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const activeMeds: MedicationRef[] = meds.map((m) => ({
    id: m.id,
    name: m.drug_description,
    ingredients: JSON.parse(m.ingredients_json ?? '[]') as string[],
  }));
  return {
    ageYears: yearsBetween(patient.birth_date, new Date()),
    ...(weight
      ? {
          weightKg:
            weight.unit === '[lb_av]' || weight.unit === 'lb' ? weight.value * 0.45359237 : weight.value,
        }
      : {}),
    ...(patient.sex === 'female' || patient.sex === 'male' ? { sex: patient.sex } : {}),
    pregnant: patient.pregnancy_status === 'pregnant',
    lactating: patient.lactating === 1,
    activeMeds,
    allergies: allergies.map((a) => ({
      substance: a.substance,
      ...(a.reaction ? { reaction: a.reaction } : {}),
      ...(a.severity === 'mild' || a.severity === 'moderate' || a.severity === 'severe'
        ? { severity: a.severity }
        : {}),
    })),
  };
}

export interface DoseContext {
  dailyDoseMg?: Record<string, number>;
  singleDoseMg?: Record<string, number>;
  route?: string;
}

/** Screens the prescription's drug against the patient's profile. */
export async function screenPrescription(
  db: Db,
  rx: PrescriptionTable,
  dose: DoseContext = {},
): Promise<ScreeningAlert[]> {
  const profile = await patientProfile(db, rx);
  const ingredients = JSON.parse(rx.ingredients_json ?? '[]') as string[];
  if (!profile || ingredients.length === 0) return [];
  return screen(profile, { id: rx.id, name: rx.drug_description, ingredients, ...dose });
}
