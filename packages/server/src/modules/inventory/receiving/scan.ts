import { parseGs1 } from '@apotheca/core/gs1';
import type { Db } from '../../../platform/db/database';
import { badRequest } from '../../../platform/errors';

export interface ScannedLine {
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
  gtin?: string;
}

/** NDCs the site or the catalogue knows, among `candidates` (used to resolve a GTIN's NDC layout). */
async function knownNdcs(db: Db, siteId: string, candidates: string[]): Promise<Set<string>> {
  if (!candidates.length) return new Set();
  const [a, b, c] = await Promise.all([
    db.selectFrom('drug_packages').select('ndc11').where('ndc11', 'in', candidates).execute(),
    db
      .selectFrom('inv_items')
      .select('ndc11')
      .where('site_id', '=', siteId)
      .where('ndc11', 'in', candidates)
      .execute(),
    db
      .selectFrom('inv_balances')
      .select('ndc11')
      .distinct()
      .where('site_id', '=', siteId)
      .where('ndc11', 'in', candidates)
      .execute(),
  ]);
  return new Set([...a, ...b, ...c].map((r) => r.ndc11));
}

/**
 * Reads one receiving line: a GS1 scan (GTIN → NDC, lot, expiry, serial) and/or hand-entered fields. Hand-entered
 * fields must agree with the scan. A GTIN's NDC has up to three 11-digit readings; the one the catalogue, the
 * site's items or its stock (or the hand-entered ndc11, or the PO) knows wins.
 */
export async function readLine(
  db: Db,
  siteId: string,
  i: number,
  line: {
    scan?: string | undefined;
    ndc11?: string | undefined;
    lot?: string | undefined;
    expiry?: string | undefined;
    serial?: string | undefined;
  },
  expected: Set<string>,
): Promise<ScannedLine> {
  const f = (x: string) => `lines[${i}].${x}`;
  if (!line.scan) {
    if (!line.ndc11)
      throw badRequest('ndc_required', 'Scan the package or enter the NDC', [
        { field: f('ndc11'), reason: 'is required without a scan' },
      ]);
    return { ndc11: line.ndc11, lot: line.lot ?? '', expiry: line.expiry ?? '', serial: line.serial ?? '' };
  }
  const first = parseGs1(line.scan);
  if (!first.ok)
    throw badRequest('invalid_scan', `Scan not readable: ${first.error.reason}`, [
      {
        field: f('scan'),
        reason: `${first.error.element === 'input' ? '' : `AI (${first.error.element}) `}${first.error.reason}`,
      },
    ]);
  const candidates = first.ndc?.candidates.map((c) => c.ndc11) ?? [];
  const known = await knownNdcs(db, siteId, candidates);
  for (const e of expected) if (candidates.includes(e)) known.add(e);
  if (line.ndc11 && candidates.includes(line.ndc11)) {
    known.clear();
    known.add(line.ndc11);
  }
  const data = parseGs1(line.scan, { resolveNdc: (cs) => cs.find((c) => known.has(c.ndc11)) });
  if (!data.ok)
    throw badRequest('invalid_scan', data.error.reason, [{ field: f('scan'), reason: data.error.reason }]);
  const ndc11 = data.ndc11 ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!ndc11)
    throw badRequest('ndc_ambiguous', 'The GTIN does not carry an NDC this site knows; enter the NDC', [
      {
        field: f('ndc11'),
        reason: candidates.length ? `one of ${candidates.join(', ')}` : 'the GTIN has no embedded NDC',
      },
    ]);
  const agree = (name: 'ndc11' | 'lot' | 'expiry' | 'serial', scanned: string | undefined) => {
    const typed = line[name];
    if (typed && scanned && typed !== scanned)
      throw badRequest('scan_mismatch', `${name} entered (${typed}) differs from the scan (${scanned})`, [
        { field: f(name), reason: 'differs from the scan' },
      ]);
    return scanned ?? typed ?? '';
  };
  return {
    ndc11: agree('ndc11', ndc11),
    lot: agree('lot', data.lot),
    expiry: agree('expiry', data.expiry),
    serial: agree('serial', data.serial),
    ...(data.gtin ? { gtin: data.gtin } : {}),
  };
}
