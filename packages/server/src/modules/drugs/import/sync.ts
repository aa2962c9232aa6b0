import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/database';
import { newId, nowIso } from '../../../platform/ids';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  obsoleted: number;
}
export const zeroCounts = (): Counts => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  obsoleted: 0,
});

/** Tables with the catalogue life cycle columns (row_hash, is_active, obsolete_at, source, history). */
type LifecycleTable = 'drug_products' | 'drug_packages';
type Row = Record<string, string | number | null>;

const CHUNK = 400; // rows per multi-row INSERT: ~30 columns × 400 stays under both databases' parameter limits
export const BATCH = 2000; // rows per transaction

export const hashRow = (row: Row): string => createHash('sha1').update(JSON.stringify(row)).digest('base64');

/**
 * Diffs a stream of imported rows against a catalogue table and writes the difference in batches:
 * new keys are inserted, changed rows updated (their previous state kept in drug_product_history), unchanged
 * rows left untouched, and — at the end — active rows of the same source that the file no longer lists are
 * marked obsolete (never deleted). Re-importing the same file therefore writes nothing.
 */
export class TableSync {
  readonly counts = zeroCounts();
  private existing = new Map<string, { hash: string; active: number }>();
  private seen = new Map<string, number>();
  private inserts: Row[] = [];
  private updates: Row[] = [];

  constructor(
    private readonly db: Db,
    private readonly table: LifecycleTable,
    private readonly key: 'id' | 'ndc11',
    private readonly source: string,
    private readonly runId: string,
    /** Sources whose rows this import may mark obsolete (its own). */
    private readonly obsoleteScope: readonly string[] = [source],
  ) {}

  async load(): Promise<void> {
    const rows = (await this.db
      .selectFrom(this.table)
      .select([`${this.key} as k` as 'id', 'row_hash', 'is_active'])
      .execute()) as unknown as { k: string; row_hash: string; is_active: number }[];
    for (const r of rows) this.existing.set(r.k, { hash: r.row_hash, active: Number(r.is_active) });
  }

  private kept = new Set<string>();

  /** Staged in this run, or kept (a malformed row of a record already in the catalogue). */
  has(key: string): boolean {
    return this.seen.has(key) || (this.kept.has(key) && this.existing.has(key));
  }

  /**
   * A row that was listed but rejected: its record (if any) stays as it is — neither updated nor marked
   * obsolete — so one bad line in a newer file never retires a good product.
   */
  keep(key: string): void {
    if (key) this.kept.add(key);
  }

  /** Line of the file where a key was first staged. */
  lineOf(key: string): number | undefined {
    return this.seen.get(key);
  }

  /** Stages one parsed row; flushes a batch when enough have accumulated. Returns false for a duplicate key. */
  async stage(fields: Row, line = 0): Promise<boolean> {
    const k = String(fields[this.key]);
    if (this.seen.has(k)) return false;
    this.seen.set(k, line);
    const hash = hashRow({ ...fields, source: this.source });
    const prev = this.existing.get(k);
    if (prev && prev.hash === hash && prev.active === 1) this.counts.unchanged++;
    else if (prev) this.updates.push({ ...fields, row_hash: hash });
    else this.inserts.push({ ...fields, row_hash: hash });
    if (this.inserts.length + this.updates.length >= BATCH) await this.flush();
    return true;
  }

  async flush(): Promise<void> {
    if (!this.inserts.length && !this.updates.length) return;
    const inserts = this.inserts;
    const updates = this.updates;
    this.inserts = [];
    this.updates = [];
    const at = nowIso();
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < inserts.length; i += CHUNK) {
        const values = inserts.slice(i, i + CHUNK).map((r) => ({
          ...r,
          source: this.source,
          is_active: 1,
          obsolete_at: null,
          last_run_id: this.runId,
          created_at: at,
          updated_at: at,
        }));
        await trx
          .insertInto(this.table)
          .values(values as never)
          .execute();
      }
      for (let i = 0; i < updates.length; i += CHUNK) {
        const chunk = updates.slice(i, i + CHUNK);
        const before = await trx
          .selectFrom(this.table)
          .selectAll()
          .where(
            this.key as 'id',
            'in',
            chunk.map((r) => String(r[this.key])),
          )
          .execute();
        await this.history(trx, before as unknown as Row[], 'update', at);
        for (const r of chunk)
          await trx
            .updateTable(this.table)
            .set({
              ...r,
              source: this.source,
              is_active: 1,
              obsolete_at: null,
              last_run_id: this.runId,
              updated_at: at,
            } as never)
            .where(this.key as 'id', '=', String(r[this.key]))
            .execute();
      }
    });
    this.counts.inserted += inserts.length;
    this.counts.updated += updates.length;
  }

  /** Marks rows of this source that the file no longer lists as obsolete. */
  async finish(): Promise<void> {
    await this.flush();
    const gone = [...this.existing]
      .filter(([k, v]) => v.active === 1 && !this.seen.has(k) && !this.kept.has(k))
      .map(([k]) => k);
    if (!gone.length) return;
    const at = nowIso();
    for (let i = 0; i < gone.length; i += BATCH) {
      const keys = gone.slice(i, i + BATCH);
      await this.db.transaction().execute(async (trx) => {
        for (let j = 0; j < keys.length; j += CHUNK) {
          const part = keys.slice(j, j + CHUNK);
          const before = (await trx
            .selectFrom(this.table)
            .selectAll()
            .where(this.key as 'id', 'in', part)
            .where('source', 'in', [...this.obsoleteScope])
            .execute()) as unknown as Row[];
          if (!before.length) continue;
          await this.history(trx, before, 'obsolete', at);
          const res = await trx
            .updateTable(this.table)
            .set({ is_active: 0, obsolete_at: at, last_run_id: this.runId, updated_at: at } as never)
            .where(
              this.key as 'id',
              'in',
              before.map((b) => String(b[this.key])),
            )
            .executeTakeFirst();
          this.counts.obsoleted += Number(res.numUpdatedRows);
        }
      });
    }
  }

  private async history(trx: Db, before: Row[], change: string, at: string): Promise<void> {
    if (!before.length) return;
    const entity = this.table === 'drug_products' ? 'product' : 'package';
    for (let i = 0; i < before.length; i += CHUNK)
      await trx
        .insertInto('drug_product_history')
        .values(
          before.slice(i, i + CHUNK).map((b) => ({
            id: newId(),
            run_id: this.runId,
            entity_type: entity,
            entity_id: String(b[this.key]),
            change,
            before_json: JSON.stringify(b),
            changed_at: at,
          })),
        )
        .execute();
  }
}
