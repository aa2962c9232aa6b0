import { parseGs1 } from '@apotheca/core/gs1';
import { type NdcLayout, normalizeNdc } from '@apotheca/core/ndc';
import { type Command, Option } from 'commander';
import { printResult } from './output';

const LAYOUTS = ['4-4-2', '5-3-2', '5-4-1'] as const;

/** Pure tools from @apotheca/core (no database). Invalid input: the error names the field, exit code 1. */
export function registerToolCommands(program: Command): void {
  program
    .command('ndc')
    .description('National Drug Codes')
    .command('normalize')
    .description('Normalize an NDC given in any form (4-4-2, 5-3-2, 5-4-1, 11-digit, UPC-A, GTIN-14)')
    .argument('<ndc>', 'the NDC as written or scanned')
    .addOption(
      new Option('--layout <layout>', '10-digit layout when the input does not show it').choices(LAYOUTS),
    )
    .action((input: string, o: { layout?: NdcLayout }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const r = normalizeNdc(input, o.layout ? { layout: o.layout } : {});
      if (!r.ok) {
        const candidates =
          'candidates' in r.error ? (r.error as { candidates?: unknown }).candidates : undefined;
        printResult(
          !!g.json,
          { ok: false, error: r.error, ...(candidates ? { candidates } : {}) },
          () => `error: ${r.error.field}: ${r.error.reason}`,
        );
        process.exitCode = 1;
        return;
      }
      const out = {
        ok: true,
        ndc11: r.ndc11,
        ndc11Dashed: r.ndc11Dashed,
        ndc10: r.ndc10 ?? null,
        layout: r.layout ?? null,
        gtin14: r.gtin14 ?? null,
        ndc10Layouts: r.candidates,
      };
      printResult(!!g.json, out, () =>
        [
          `NDC-11   ${r.ndc11} (${r.ndc11Dashed})`,
          `NDC-10   ${r.ndc10 ?? `ambiguous: ${r.candidates.map((c) => c.ndc10).join(' | ')}`}`,
          `GTIN-14  ${r.gtin14 ?? '(needs the layout)'}`,
        ].join('\n'),
      );
    });

  program
    .command('gs1')
    .description('GS1 barcodes')
    .command('parse')
    .description('Parse a GS1 DataMatrix/GS1-128 scan (FNC1 as ASCII 29, <GS>, {GS} or ^; or (AI) form)')
    .argument('<scan>', 'the scanned string')
    .addOption(new Option('--layout <layout>', 'NDC layout of the embedded NDC, when known').choices(LAYOUTS))
    .action((scan: string, o: { layout?: NdcLayout }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const r = parseGs1(scan, o.layout ? { ndcLayout: o.layout } : {});
      if (!r.ok) {
        printResult(
          !!g.json,
          { ok: false, error: r.error },
          () => `error: element ${r.error.element}: ${r.error.reason}`,
        );
        process.exitCode = 1;
        return;
      }
      const out = {
        ok: true,
        gtin: r.gtin ?? null,
        ndc11: r.ndc11 ?? null,
        ndc10: r.ndc10 ?? null,
        ndcCandidates: r.ndc?.candidates ?? [],
        lot: r.lot ?? null,
        expiry: r.expiry ?? null,
        serial: r.serial ?? null,
        elements: r.elements,
        warnings: r.warnings,
      };
      printResult(!!g.json, out, () =>
        [
          `GTIN    ${out.gtin ?? '-'}`,
          `NDC-11  ${out.ndc11 ?? (out.ndcCandidates.length ? `one of ${out.ndcCandidates.map((c) => c.ndc11).join(', ')} (give --layout)` : '-')}`,
          `Lot     ${out.lot ?? '-'}`,
          `Expiry  ${out.expiry ?? '-'}`,
          `Serial  ${out.serial ?? '-'}`,
        ].join('\n'),
      );
    });
}
