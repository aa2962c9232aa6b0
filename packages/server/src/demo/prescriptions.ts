import { addClinical } from '../modules/patients/clinical';
import { createManualPrescription, enterData } from '../modules/prescriptions/service';
import { act } from '../modules/prescriptions/workflow';
import type { Ctx } from '../platform/actor';
import type { AuthService } from '../platform/auth/service';
import type { Db } from '../platform/db/database';

// Real NDCs of the starter catalogue (CMS NADAC 2025).
const DEMO_RX = [
  {
    patient: 'Garcia',
    drug: 'Lisinopril 2.5 mg tablet',
    ndc11: '00591040501',
    sig: '1 tab po daily',
    qty: 30,
    refills: 5,
    stage: 'data_entry',
  },
  {
    patient: 'Johnson',
    drug: 'Warfarin sodium 4 mg tablet',
    ndc11: '00093171601',
    sig: '1 tab po qpm',
    qty: 30,
    refills: 2,
    stage: 'data_verification',
  },
  {
    patient: 'Nguyen',
    drug: 'Amoxicillin 125 mg/5 mL suspension',
    ndc11: '00143988815',
    sig: '5 mL po tid x10d',
    qty: 150,
    refills: 0,
    stage: 'intake',
  },
  {
    patient: 'Smith',
    drug: 'Sertraline 25 mg tablet',
    ndc11: '16714061101',
    sig: '1 tab po daily',
    qty: 30,
    refills: 3,
    stage: 'data_verification',
  },
] as const;

/**
 * A few prescriptions at the community demo site, left at different workflow steps, so the queues are not empty.
 * Linda Nguyen has a recorded penicillin allergy (her amoxicillin will raise an alert at entry).
 */
export async function seedDemoPrescriptions(
  db: Db,
  ctx: Ctx,
  siteIds: Record<string, string>,
): Promise<void> {
  const siteId = siteIds.RETAIL1;
  if (!siteId) return;
  const patients = await db
    .selectFrom('patients')
    .select(['id', 'last_name'])
    .where('site_id', '=', siteId)
    .execute();
  const prescriber = await db
    .selectFrom('prescribers')
    .select('id')
    .where('site_id', '=', siteId)
    .orderBy('last_name')
    .executeTakeFirst();
  const pid = (last: string) => patients.find((p) => p.last_name === last)?.id;
  const nguyen = pid('Nguyen');
  if (nguyen)
    await addClinical(db, ctx, nguyen, 'allergy', {
      substance: 'penicillin',
      reaction: 'hives',
      severity: 'moderate',
    });
  const noAuth = {} as AuthService; // system steps below never ask for an e-signature
  const today = new Date().toISOString().slice(0, 10);
  for (const r of DEMO_RX) {
    const patientId = pid(r.patient);
    if (!patientId || !prescriber) continue;
    const { fill } = await createManualPrescription(db, ctx, {
      siteId,
      origin: 'written',
      patientId,
      prescriberId: prescriber.id,
      drugDescription: r.drug,
      writtenDate: today,
      refillsAuthorized: r.refills,
      daw: '0',
      priority: r.patient === 'Garcia' ? 'waiter' : 'normal',
    });
    if (r.stage === 'intake') continue;
    await act(db, noAuth, ctx, fill.id, 'accept_intake', {});
    if (r.stage === 'data_entry') continue;
    await enterData(db, ctx, fill.id, {
      ndc11: r.ndc11,
      sigText: r.sig,
      quantity: r.qty,
      refillsAuthorized: r.refills,
      daw: '0',
    });
    await act(db, noAuth, ctx, fill.id, 'submit_entry', {});
  }
}
