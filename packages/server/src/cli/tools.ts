import fs from 'node:fs';
import { CalcError, getCalculation, listCalculations, runCalculation } from '@apotheca/core/calc';
import { parseGs1 } from '@apotheca/core/gs1';
import { decodeD0, encodeD0, explainReject } from '@apotheca/core/ncpdp';
import { type NdcLayout, normalizeNdc } from '@apotheca/core/ndc';
import { parseSig, sigSummaryLines } from '@apotheca/core/sig';
import { type Command, Option } from 'commander';
import { printResult, table, UsageError } from './output';

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

  program
    .command('sig')
    .description('Prescription directions')
    .command('parse')
    .description('Parse a sig ("1 tab po bid x10d") into dose, route, frequency, duration and plain English')
    .argument('<sig>', 'the directions as written')
    .action((sig: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const parsed = parseSig(sig);
      printResult(!!g.json, parsed, () => sigSummaryLines(parsed).join('\n'));
    });

  const calc = program
    .command('calc')
    .description(
      'Pharmacy calculations: `calc list`, or `calc <id> --<input> <value> …` (values with units, e.g. --weight "87 kg")',
    )
    .argument('<id>', 'calculation id, or "list"')
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption('-h, --help', "help; `apotheca calc <id> --help` lists that calculation's inputs")
    .action((id: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const json = !!g.json || cmd.args.includes('--json');
      if (id === 'list') {
        const defs = listCalculations();
        printResult(json, defs, () =>
          table(
            defs.map((d) => ({ id: d.id, category: d.category, title: d.title })),
            ['id', 'category', 'title'],
          ),
        );
        return;
      }
      const def = getCalculation(id);
      if (!def) throw new UsageError(`unknown calculation "${id}" (see: apotheca calc list)`);
      const inputs = parseCalcArgs(cmd.args.slice(1).filter((a) => a !== '--json'));
      try {
        const r = runCalculation(id, inputs);
        printResult(json, r, () =>
          [
            `${def.title}: ${r.display}`,
            `Formula: ${r.formula}`,
            ...r.steps.map((s) => `  ${s.label}: ${s.expression} = ${s.value}`),
            `Rounding: ${r.rounding}`,
            ...r.warnings.map((w) => `WARNING: ${w}`),
            `Source: ${r.source}`,
          ].join('\n'),
        );
      } catch (err) {
        if (!(err instanceof CalcError)) throw err;
        printResult(
          json,
          { ok: false, error: { field: err.field, reason: err.reason } },
          () => `error: --${err.field}: ${err.reason}`,
        );
        process.exitCode = 1;
      }
    });
  calc.addHelpText(
    'after',
    '\nExample: apotheca calc crcl --age 53 --sex male --weight "87 kg" --height "175 cm" --scr "1.39 mg/dL" --json',
  );
  const ncpdp = program.command('ncpdp').description('NCPDP Telecommunication D.0 claims messages');
  ncpdp
    .command('decode')
    .description('Decode a D.0 request or response (raw bytes) to JSON; rejects are explained')
    .argument('<file>', 'file with the raw transmission')
    .action((file: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const raw = fs.readFileSync(file, 'latin1').replace(/\r?\n$/, '');
      const r = decodeD0(raw);
      if (!r.ok) {
        printResult(!!g.json, { ok: false, error: r.error }, () => `error: ${r.error.message}`);
        process.exitCode = 1;
        return;
      }
      printResult(true, r.value, () => '');
      // Plain-language meaning of each reject code, on stderr so stdout stays valid JSON for `ncpdp encode`.
      const txs =
        (r.value as { transactions?: { status?: { rejects?: { code: string }[] } }[] }).transactions ?? [];
      for (const code of txs.flatMap((t) => t.status?.rejects?.map((x) => x.code) ?? []))
        process.stderr.write(`reject ${code}: ${explainReject(code).plain}\n`);
    });
  ncpdp
    .command('encode')
    .description('Encode a D.0 request or response from JSON (the decode output) to raw bytes on stdout')
    .argument('<file>', 'JSON file')
    .action((file: string) => {
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      let doc: unknown;
      try {
        doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
      }
      process.stdout.write(Buffer.from(encodeD0(doc as Parameters<typeof encodeD0>[0]), 'latin1'));
    });
}

/** `--name value` / `--name=value` pairs into calculation inputs (values stay strings; the engine parses units). */
function parseCalcArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--'))
      throw new UsageError(`unexpected argument "${a}"; inputs are given as --name value`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || (value.startsWith('--') && Number.isNaN(Number(value))))
      throw new UsageError(`${a} needs a value`);
    out[a.slice(2)] = value;
    i++;
  }
  return out;
}
