import { cleanText, FEDERAL_TRANSFER_CAUTION } from '@apotheca/core/labels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderLabelPdf } from '../src/modules/labels/pdf';
import { renderLabelZpl, zplEscape } from '../src/modules/labels/zpl';
import { buildControlledLabel, buildLabel } from './labels-fixtures';

// Commands this renderer may emit (ZPL II Programming Guide). Any other "^" means field data escaped its field.
const COMMANDS = new Set([
  'XA',
  'CI',
  'PW',
  'LL',
  'LH',
  'FO',
  'A0',
  'FB',
  'FH',
  'FD',
  'FS',
  'GB',
  'BY',
  'BC',
  'PQ',
  'XZ',
]);

function commands(zpl: string): string[] {
  return zpl
    .split('^')
    .slice(1)
    .map((c) => c.slice(0, 2));
}
/** Field data of each ^FD…^FS, with ^FH hex escapes (_XX, UTF-8 bytes under ^CI28) decoded. */
function fields(zpl: string): string[] {
  return [...zpl.matchAll(/\^FD([^^]*)\^FS/g)].map((m) =>
    (m[1] ?? '').replace(/(?:_[0-9A-F]{2})+/g, (hex) =>
      Buffer.from(
        hex
          .split('_')
          .filter(Boolean)
          .map((h) => Number.parseInt(h, 16)),
      ).toString('utf8'),
    ),
  );
}
function assertWellFormed(zpl: string): void {
  expect(zpl.startsWith('^XA\n')).toBe(true);
  expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
  expect(zpl).not.toContain('~');
  const cmds = commands(zpl);
  for (const c of cmds) expect(COMMANDS, c).toContain(c);
  expect(cmds.filter((c) => c === 'XA')).toHaveLength(1);
  expect(cmds.filter((c) => c === 'XZ')).toHaveLength(1);
  // Every text field is hex-escaped: each ^FD (except the barcode's) follows ^FH.
  for (const m of zpl.matchAll(/\^(..)[^^]*\^FD/g)) expect(['FH', 'BC']).toContain(m[1]);
}

describe('renderLabelZpl', () => {
  it('is one ^XA…^XZ format with the label text in ^FD fields and the barcode value in ^BC', () => {
    const zpl = renderLabelZpl(buildLabel());
    assertWellFormed(zpl);
    expect(zpl).toMatch(/\^PW812\n\^LL1218/);
    expect(zpl).toMatch(/\^BCN,100,N,N,N\^FD>:7000123-00\^FS/);
    const f = fields(zpl);
    for (const expected of [
      'Test Pharmacy #1',
      'Rx# 7000123',
      'Filled 03/14/2025',
      'TESTPATIENT, ALEX',
      'hydrOXYzine HCl 10 mg tablet',
      'Prescriber: Dr. Test Prescriber',
      'Discard after: 03/14/2026 · RPh: TP',
      '7000123-00',
    ])
      expect(f).toContain(expected);
    expect(f.join(' ')).toContain('Take 1 tablet by mouth three times a day as needed for itching.');
  });

  it('prints the 21 CFR 290.5 caution first, in a heavier box', () => {
    const zpl = renderLabelZpl(
      buildControlledLabel({ auxiliary: [...buildControlledLabel().auxiliary].reverse() }),
    );
    const warningsStart = zpl.indexOf('^FO28,784^GB756,');
    const firstBox = zpl.slice(warningsStart, zpl.indexOf('\n', warningsStart));
    expect(firstBox).toMatch(/,4\^FS$/);
    const after = fields(zpl.slice(warningsStart)).join(' ');
    expect(after.indexOf('Caution: Federal law prohibits')).toBe(0);
    expect(after.replace(/\s+/g, ' ')).toContain(FEDERAL_TRANSFER_CAUTION.slice(0, 60));
    expect(after.indexOf('May cause drowsiness')).toBeGreaterThan(0);
  });

  it('hex-escapes caret, tilde, underscore and non-ASCII so hostile text cannot inject commands', () => {
    expect(zplEscape('^XZ~JR_x é')).toBe('_5EXZ_7EJR_5Fx _C3_A9');
    const zpl = renderLabelZpl(
      buildLabel({ patient: { name: '^XZ^XA^FDpwned~JUS_' }, directions: '~DGR:EVIL.GRF,1,1,FF^IDR:*.*' }),
    );
    assertWellFormed(zpl);
    expect(zpl).toContain('_5EXZ_5EXA_5EFDpwned_7EJUS_5F');
    expect(fields(zpl)).toContain('^XZ^XA^FDpwned~JUS_');
  });

  it('omits a barcode whose value ZPL would misread, rather than encoding something else', () => {
    const zpl = renderLabelZpl(buildLabel({ barcodeValue: '>;12^34' }));
    assertWellFormed(zpl);
    expect(zpl).not.toContain('^BC');
    expect(fields(zpl)).toContain('[barcode unavailable]');
  });
});

// Text that stresses both renderers: ZPL prefixes, hex indicator, control and bidi characters, astral plane.
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '^',
        '~',
        '_',
        '^XZ',
        '~JR',
        '^FS',
        '\n',
        '\u202E',
        '\u0000',
        'é',
        '李',
        '😀',
        ' ',
        'W',
      ),
      {
        maxLength: 150,
      },
    )
    .map((a) => a.join('')),
  fc.string({ minLength: 1, maxLength: 3 }).map((s) => s.repeat(700)),
);

describe('both renderers, arbitrary names and directions (property)', () => {
  it('ZPL never lets ^ or ~ escape a field and keeps short names intact', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.array(hostile, { maxLength: 8 }), (name, directions, auxiliary) => {
        const zpl = renderLabelZpl(buildLabel({ patient: { name }, directions, auxiliary }));
        assertWellFormed(zpl);
        // A name that fits the line (≤ 30 characters here) round-trips through the escaping exactly.
        const clean = cleanText(name);
        if (clean && Array.from(clean).length <= 30) expect(fields(zpl)).toContain(clean);
      }),
      { numRuns: 300 },
    );
  });

  it('PDF never throws and stays one page', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        hostile,
        fc.array(hostile, { maxLength: 8 }),
        async (name, directions, auxiliary) => {
          const pdf = await renderLabelPdf(
            buildLabel({ patient: { name, address: name }, directions, auxiliary }),
          );
          expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
          // Page objects are written uncompressed by pdfkit: exactly one "/Type /Page" (not "/Pages").
          expect(pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
        },
      ),
      { numRuns: 25 },
    );
  });
});
