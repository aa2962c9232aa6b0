import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { auxiliaryWarnings, FEDERAL_TRANSFER_CAUTION } from '@apotheca/core/labels';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLabelPdf } from '../src/modules/labels/pdf';
import {
  buildControlledLabel,
  buildLabel,
  HYDROXYZINE_NDC,
  nadacDescription,
  OXYCODONE_APAP_NDC,
} from './labels-fixtures';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-labels-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function save(pdf: Buffer): Promise<string> {
  const file = path.join(dir, `label-${n++}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}
/** Text as poppler reads it back, whitespace collapsed (line breaks depend on wrapping). */
async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.replace(/\s+/g, ' ');
}
async function pages(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}
/** Rasterize at 300 dpi and decode with zbar, as a scanner would see the printed label. */
async function scan(file: string): Promise<string> {
  const prefix = path.join(dir, path.basename(file, '.pdf'));
  await run('pdftoppm', ['-r', '300', '-png', '-singlefile', file, prefix]);
  const { stdout } = await run('zbarimg', ['--raw', '-q', '-Scode128.enable', `${prefix}.png`]);
  return stdout.trim();
}

describe('renderLabelPdf', () => {
  it('uses real NDCs for the products the fixtures claim', () => {
    expect(nadacDescription(HYDROXYZINE_NDC)).toBe('HYDROXYZINE HCL 10 MG TABLET');
    expect(nadacDescription(OXYCODONE_APAP_NDC)).toBe('OXYCODONE-ACETAMINOPHEN 5-325 MG TAB');
  });

  it('prints every mandatory element, tall-man case preserved, and a barcode that scans back', async () => {
    const data = buildLabel({
      auxiliary: auxiliaryWarnings({
        ingredients: ['hydroxyzine hydrochloride'],
        form: 'TABLET',
        route: 'ORAL',
      }).map((w) => w.text),
    });
    const file = await save(await renderLabelPdf(data));
    const text = await pdfText(file);
    for (const expected of [
      'Test Pharmacy #1',
      '100 Example St, Springfield, IL 62701',
      'Rx# 7000123',
      'Filled 03/14/2025',
      'TESTPATIENT, ALEX',
      'Take 1 tablet by mouth three times a day as needed for itching.',
      'hydrOXYzine HCl 10 mg tablet',
      'Qty: 30 tablets',
      'Refills: 2 left until 03/14/2026',
      'NDC 00093-5060-01',
      'Prescriber: Dr. Test Prescriber',
      'Discard after: 03/14/2026',
      'May cause drowsiness. Use care when driving or operating machinery.',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('HYDROXYZINE');
    expect(await pages(file)).toBe(1);
    expect(await scan(file)).toBe('7000123-00');
  });

  it('prints the 21 CFR 290.5 caution first on a CII label, with its schedule and no refills', async () => {
    const data = buildControlledLabel({ auxiliary: [...buildControlledLabel().auxiliary].reverse() });
    const file = await save(await renderLabelPdf(data));
    const text = await pdfText(file);
    expect(text).toContain('oxyCODONE-acetaminophen 5 mg-325 mg tablet');
    expect(text).toContain('C-II · Original fill');
    expect(text).toContain('No refills');
    const caution = text.indexOf(FEDERAL_TRANSFER_CAUTION);
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(text.indexOf('May cause drowsiness'));
    expect(await scan(file)).toBe('7000456-00');
  });

  it('keeps hostile and oversized input on one page, truncated with an ellipsis, barcode still readable', async () => {
    const data = buildLabel({
      patient: { name: `ÉLODIE Ñúñez-O’Brien ${'X'.repeat(300)}`, address: 'Ünïcödé Straße 5' },
      directions: `Take ^XZ~JA one tablet\u202E daily\n${'and keep taking it '.repeat(80)}`,
      drug: { name: 'predniSONE', strength: '10 mg', form: 'tablet', ndc11: HYDROXYZINE_NDC },
      auxiliary: Array.from({ length: 12 }, (_, i) => `Warning number ${i + 1}: ${'careful '.repeat(i)}`),
      barcodeValue: '7000999-03',
    });
    const file = await save(await renderLabelPdf(data));
    expect(await pages(file)).toBe(1);
    const text = await pdfText(file);
    expect(text).toContain('ÉLODIE Ñúñez-O’Brien');
    expect(text).toContain('Take ^XZ~JA one tablet daily'); // bidi override removed, text kept literally
    expect(text).toContain('…');
    expect(text).not.toContain('and keep taking it '.repeat(80).trim());
    expect(text).toMatch(/\+\d+ more warning\(s\): ask your pharmacist/);
    expect(text).toContain('predniSONE 10 mg tablet');
    expect(await scan(file)).toBe('7000999-03');
  });
});
