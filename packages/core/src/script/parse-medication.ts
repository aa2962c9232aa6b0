// MedicationPrescribed (and the same structure under MedicationRequested / MedicationDispensed).
// Element names follow SCRIPT 2017071: DrugCoded holds ProductCode, Strength, DrugDBCode and DEASchedule.
import { compact } from './parse-parties';
import { type Cursor, fail, shortPath } from './read';
import { DEA_SCHEDULE } from './terminology-data';
import type { ScriptCoded, ScriptDiagnosis, ScriptDiagnosisCode, ScriptMedication } from './types';
import { checkDecimal, checkInteger, readDateChoice } from './values';

function readCoded(c: Cursor | undefined): ScriptCoded | undefined {
  if (!c) return undefined;
  return { code: c.reqText('Code'), qualifier: c.reqText('Qualifier') };
}

function readDiagnosisCode(c: Cursor | undefined): ScriptDiagnosisCode | undefined {
  if (!c) return undefined;
  return compact({
    code: c.reqText('Code'),
    qualifier: c.reqText('Qualifier'),
    description: c.opt('Description'),
  });
}

function readDiagnosis(c: Cursor): ScriptDiagnosis {
  return compact({
    clinicalInformationQualifier: c.opt('ClinicalInformationQualifier'),
    primary: readDiagnosisCode(c.req('Primary')) as ScriptDiagnosisCode,
    secondary: readDiagnosisCode(c.child('Secondary')),
  });
}

/**
 * strict: the mandatory set of a NewRx / renewal / change medication (Quantity and WrittenDate required);
 * otherwise (CancelRx, responses) only DrugDescription is required, but anything present is still checked.
 */
export function readMedication(m: Cursor, strict: boolean): ScriptMedication {
  const drugDescription = m.reqText('DrugDescription');
  const coded = m.child('DrugCoded');
  const productCode = readCoded(coded?.child('ProductCode'));
  if (productCode?.qualifier === 'ND' && !/^\d{11}$/.test(productCode.code))
    fail(
      `${m.path}/DrugCoded/ProductCode/Code`,
      `${shortPath(m.path)}/DrugCoded/ProductCode/Code: ND needs an 11-digit NDC`,
    );
  const strengthNode = coded?.child('Strength');
  const strength = strengthNode
    ? compact({
        value: strengthNode.opt('StrengthValue'),
        formCode: strengthNode.child('StrengthForm')?.opt('Code'),
        unitOfMeasureCode: strengthNode.child('StrengthUnitOfMeasure')?.opt('Code'),
      })
    : undefined;
  if (strength?.value !== undefined) checkDecimal(strength.value, `${strengthNode?.path}/StrengthValue`);
  const deaScheduleCode = coded?.child('DEASchedule')?.reqText('Code');
  if (deaScheduleCode !== undefined && DEA_SCHEDULE[deaScheduleCode] === undefined)
    fail(
      `${m.path}/DrugCoded/DEASchedule/Code`,
      `${shortPath(m.path)}/DrugCoded/DEASchedule/Code is not an NCPDP DEASchedule code`,
    );

  const q = strict ? m.req('Quantity') : m.child('Quantity');
  const quantity = q && {
    value: checkDecimal(q.reqText('Value'), `${q.path}/Value`),
    codeListQualifier: q.reqText('CodeListQualifier'),
    unitOfMeasureCode: q.req('QuantityUnitOfMeasure').reqText('Code'),
  };
  const written = strict ? m.req('WrittenDate') : m.child('WrittenDate');
  const substitutions = m.opt('Substitutions');
  if (substitutions !== undefined && substitutions !== '0' && substitutions !== '1')
    fail(`${m.path}/Substitutions`, `${shortPath(m.path)}/Substitutions must be 0 or 1`);
  const daysSupply = m.opt('DaysSupply');
  const refills = m.opt('NumberOfRefills');

  return compact({
    drugDescription,
    productCode,
    drugDbCode: readCoded(coded?.child('DrugDBCode')),
    strength: strength && Object.keys(strength).length > 0 ? strength : undefined,
    deaScheduleCode,
    quantity,
    daysSupply: daysSupply === undefined ? undefined : checkInteger(daysSupply, `${m.path}/DaysSupply`, 3),
    writtenDate: written && readDateChoice(written),
    substitutions: substitutions as '0' | '1' | undefined,
    numberOfRefills:
      refills === undefined ? undefined : checkInteger(refills, `${m.path}/NumberOfRefills`, 2),
    sigText: m.child('Sig')?.opt('SigText'),
    note: m.opt('Note'),
    diagnoses: m.list('Diagnosis', 10).map(readDiagnosis),
    priorAuthorization: m.opt('PriorAuthorization'),
  });
}
