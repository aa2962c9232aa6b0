import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.testkit';
import { parseScriptMessage } from './parse';

const NEWRX = fixture('newrx-lisinopril.xml');
const CANCEL = fixture('cancelrx.xml');
const RENEWAL = fixture('rxrenewalresponse-approved.xml');
const CHANGE = fixture('rxchangeresponse-approved.xml');
const STATUS = fixture('status.xml');

/** The span of the first <tag …>…</tag> (or <tag/>) at or after `from`. */
function span(xml: string, tag: string, from = 0): [number, number] {
  const open = new RegExp(`<${tag}(?=[\\s>/])`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) throw new Error(`no <${tag}> after ${from}`);
  const selfClose = xml.indexOf('/>', m.index);
  const gt = xml.indexOf('>', m.index);
  if (selfClose !== -1 && selfClose + 1 === gt) return [m.index, gt + 1];
  const close = xml.indexOf(`</${tag}>`, m.index);
  return [m.index, close + tag.length + 3];
}

/** Edits the element reached by a chain of tags (each searched inside the previous one). */
function edit(xml: string, chain: string[], replace: (element: string) => string): string {
  let start = 0;
  let end = xml.length;
  for (const tag of chain) [start, end] = span(xml.slice(0, end), tag, start);
  return xml.slice(0, start) + replace(xml.slice(start, end)) + xml.slice(end);
}
const drop = (xml: string, ...chain: string[]) => edit(xml, chain, () => '');
const empty = (xml: string, ...chain: string[]) => edit(xml, chain, (e) => e.replace(/>[^<]*</, '><'));

function expectRejected(xml: string, path: string) {
  const r = parseScriptMessage(xml);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('900');
  expect(r.error.path).toBe(path);
  expect(r.error.description).toContain(path.replace(/^Message\/(Body\/)?/, ''));
}

const H = 'Message/Header';
const N = 'Message/Body/NewRx';
const P = `${N}/Patient/HumanPatient`;
const D = `${N}/Prescriber/NonVeterinarian`;
const M = `${N}/MedicationPrescribed`;

describe('the lisinopril fixture is complete (baseline for the cases below)', () => {
  it('parses', () => expect(parseScriptMessage(NEWRX).ok).toBe(true));
});

describe('missing mandatory elements: Error 900 naming the element', () => {
  const cases: [string, string, string][] = [
    ['Header/To', drop(NEWRX, 'Header', 'To'), `${H}/To`],
    ['Header/From', drop(NEWRX, 'Header', 'From'), `${H}/From`],
    ['Header/MessageID', drop(NEWRX, 'Header', 'MessageID'), `${H}/MessageID`],
    ['Header/MessageID empty', empty(NEWRX, 'Header', 'MessageID'), `${H}/MessageID`],
    ['Header/SentTime', drop(NEWRX, 'Header', 'SentTime'), `${H}/SentTime`],
    ['Header', drop(NEWRX, 'Header'), `${H}`],
    ['Body', drop(NEWRX, 'Body'), 'Message/Body'],
    ['Body transaction', drop(NEWRX, 'Body', 'NewRx'), 'Message/Body/NewRx'],
    ['Patient', drop(NEWRX, 'Patient'), `${N}/Patient`],
    ['Patient/HumanPatient', drop(NEWRX, 'Patient', 'HumanPatient'), P],
    ['patient Name', drop(NEWRX, 'HumanPatient', 'Name'), `${P}/Name`],
    ['patient LastName', drop(NEWRX, 'HumanPatient', 'Name', 'LastName'), `${P}/Name/LastName`],
    ['patient LastName empty', empty(NEWRX, 'HumanPatient', 'Name', 'LastName'), `${P}/Name/LastName`],
    ['patient FirstName', drop(NEWRX, 'HumanPatient', 'Name', 'FirstName'), `${P}/Name/FirstName`],
    ['patient Gender', drop(NEWRX, 'HumanPatient', 'Gender'), `${P}/Gender`],
    ['patient DateOfBirth', drop(NEWRX, 'HumanPatient', 'DateOfBirth'), `${P}/DateOfBirth`],
    ['patient DateOfBirth/Date', drop(NEWRX, 'HumanPatient', 'DateOfBirth', 'Date'), `${P}/DateOfBirth/Date`],
    ['Pharmacy', drop(NEWRX, 'Pharmacy'), `${N}/Pharmacy`],
    ['Pharmacy/Identification', drop(NEWRX, 'Pharmacy', 'Identification'), `${N}/Pharmacy/Identification`],
    [
      'Pharmacy NCPDPID and NPI',
      drop(drop(NEWRX, 'Pharmacy', 'Identification', 'NPI'), 'Pharmacy', 'Identification', 'NCPDPID'),
      `${N}/Pharmacy/Identification/NCPDPID`,
    ],
    ['Pharmacy/BusinessName', drop(NEWRX, 'Pharmacy', 'BusinessName'), `${N}/Pharmacy/BusinessName`],
    ['Prescriber', drop(NEWRX, 'Prescriber'), `${N}/Prescriber`],
    ['Prescriber/NonVeterinarian', drop(NEWRX, 'Prescriber', 'NonVeterinarian'), D],
    ['prescriber Identification', drop(NEWRX, 'NonVeterinarian', 'Identification'), `${D}/Identification`],
    [
      'prescriber NPI, DEA and license',
      edit(
        NEWRX,
        ['NonVeterinarian', 'Identification'],
        () => '<Identification><Other>1</Other></Identification>',
      ),
      `${D}/Identification/NPI`,
    ],
    ['prescriber Name', drop(NEWRX, 'NonVeterinarian', 'Name'), `${D}/Name`],
    ['prescriber LastName', drop(NEWRX, 'NonVeterinarian', 'Name', 'LastName'), `${D}/Name/LastName`],
    ['MedicationPrescribed', drop(NEWRX, 'MedicationPrescribed'), M],
    ['DrugDescription', drop(NEWRX, 'MedicationPrescribed', 'DrugDescription'), `${M}/DrugDescription`],
    ['ProductCode/Code', drop(NEWRX, 'ProductCode', 'Code'), `${M}/DrugCoded/ProductCode/Code`],
    [
      'ProductCode/Qualifier',
      drop(NEWRX, 'ProductCode', 'Qualifier'),
      `${M}/DrugCoded/ProductCode/Qualifier`,
    ],
    ['DrugDBCode/Qualifier', drop(NEWRX, 'DrugDBCode', 'Qualifier'), `${M}/DrugCoded/DrugDBCode/Qualifier`],
    ['Quantity', drop(NEWRX, 'Quantity'), `${M}/Quantity`],
    ['Quantity/Value', drop(NEWRX, 'Quantity', 'Value'), `${M}/Quantity/Value`],
    [
      'Quantity/CodeListQualifier',
      drop(NEWRX, 'Quantity', 'CodeListQualifier'),
      `${M}/Quantity/CodeListQualifier`,
    ],
    [
      'QuantityUnitOfMeasure',
      drop(NEWRX, 'Quantity', 'QuantityUnitOfMeasure'),
      `${M}/Quantity/QuantityUnitOfMeasure`,
    ],
    [
      'QuantityUnitOfMeasure/Code',
      drop(NEWRX, 'QuantityUnitOfMeasure', 'Code'),
      `${M}/Quantity/QuantityUnitOfMeasure/Code`,
    ],
    ['WrittenDate', drop(NEWRX, 'WrittenDate'), `${M}/WrittenDate`],
    ['Diagnosis/Primary', drop(NEWRX, 'Diagnosis', 'Primary'), `${M}/Diagnosis/Primary`],
    ['Diagnosis/Primary/Code', drop(NEWRX, 'Diagnosis', 'Primary', 'Code'), `${M}/Diagnosis/Primary/Code`],
    [
      'CancelRx PrescriberOrderNumber and RxReferenceNumber',
      drop(drop(CANCEL, 'Header', 'RxReferenceNumber'), 'Header', 'PrescriberOrderNumber'),
      `${H}/PrescriberOrderNumber`,
    ],
    [
      'CancelRx DrugDescription',
      drop(CANCEL, 'MedicationPrescribed', 'DrugDescription'),
      'Message/Body/CancelRx/MedicationPrescribed/DrugDescription',
    ],
    [
      'RxRenewalResponse RelatesToMessageID',
      drop(RENEWAL, 'Header', 'RelatesToMessageID'),
      `${H}/RelatesToMessageID`,
    ],
    ['RxRenewalResponse Response', drop(RENEWAL, 'Response'), 'Message/Body/RxRenewalResponse/Response'],
    [
      'RxRenewalResponse Response choice',
      drop(RENEWAL, 'Response', 'Approved'),
      'Message/Body/RxRenewalResponse/Response/Approved|ApprovedWithChanges|Denied|Replace',
    ],
    [
      'RxRenewalResponse Approved medication',
      drop(RENEWAL, 'MedicationPrescribed'),
      'Message/Body/RxRenewalResponse/MedicationPrescribed',
    ],
    [
      'RxChangeResponse approved medication',
      drop(CHANGE, 'MedicationPrescribed'),
      'Message/Body/RxChangeResponse/MedicationPrescribed',
    ],
    ['Status RelatesToMessageID', drop(STATUS, 'Header', 'RelatesToMessageID'), `${H}/RelatesToMessageID`],
    ['Status/Code', drop(STATUS, 'Status', 'Code'), 'Message/Body/Status/Code'],
  ];
  it.each(cases)('%s', (_label, xml, path) => expectRejected(xml, path));
});

describe('invalid values: Error 900 naming the element', () => {
  const set = (xml: string, chain: string[], value: string) =>
    edit(xml, chain, (e) => e.replace(/>[^<]*</, `>${value}<`));
  const cases: [string, string, string][] = [
    ['Gender outside M/F/U', set(NEWRX, ['HumanPatient', 'Gender'], 'X'), `${P}/Gender`],
    ['birth date 2023-02-30', set(NEWRX, ['DateOfBirth', 'Date'], '2023-02-30'), `${P}/DateOfBirth/Date`],
    ['SentTime not a date-time', set(NEWRX, ['Header', 'SentTime'], 'yesterday'), `${H}/SentTime`],
    ['Quantity/Value not a number', set(NEWRX, ['Quantity', 'Value'], 'ninety'), `${M}/Quantity/Value`],
    ['Quantity/Value negative', set(NEWRX, ['Quantity', 'Value'], '-5'), `${M}/Quantity/Value`],
    ['DaysSupply not a whole number', set(NEWRX, ['DaysSupply'], '7.5'), `${M}/DaysSupply`],
    ['NumberOfRefills not a number', set(NEWRX, ['NumberOfRefills'], 'PRN'), `${M}/NumberOfRefills`],
    ['Substitutions outside 0/1', set(NEWRX, ['Substitutions'], '7'), `${M}/Substitutions`],
    [
      'NDC with 10 digits',
      set(NEWRX, ['ProductCode', 'Code'], '5295907283'),
      `${M}/DrugCoded/ProductCode/Code`,
    ],
    [
      'StrengthValue not a number',
      set(NEWRX, ['StrengthValue'], '10mg'),
      `${M}/DrugCoded/Strength/StrengthValue`,
    ],
    [
      'unknown DEASchedule code',
      edit(NEWRX, ['DrugDBCode'], (e) => `${e}<DEASchedule><Code>CII</Code></DEASchedule>`),
      `${M}/DrugCoded/DEASchedule/Code`,
    ],
    ['Status code not 3 digits', set(STATUS, ['Status', 'Code'], 'OK'), 'Message/Body/Status/Code'],
  ];
  it.each(cases)('%s', (_label, xml, path) => expectRejected(xml, path));
});

describe('failures keep the readable header so the Error can be addressed', () => {
  it('returns To, From and MessageID of a rejected NewRx', () => {
    const r = parseScriptMessage(drop(NEWRX, 'Quantity'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.header).toMatchObject({
        to: '9999001',
        from: '1000000012001',
        messageId: '7f3c2a10e8b94c1d9a55',
        prescriberOrderNumber: 'ORD-2026-000451',
      });
  });
});
