// In-memory type-ahead index over the drug catalogue. Pure: the caller supplies the rows.
// Ranking (issue 3): exact NDC/GTIN/scan first, then active before obsolete, then preferred (site formulary),
// then how well the name matches (whole name, name prefix, word prefixes), then alphabetical.
import { type Gs1Data, parseScan } from '../gs1';
import { normalizeNdc, normalizeProductNdc } from '../ndc';
import { applyTallMan } from './tallman';
import { foldName, tokenize } from './tokens';
import type {
  DrugMatch,
  DrugQueryKind,
  DrugSearchHit,
  DrugSearchOptions,
  DrugSearchResult,
  DrugSearchRow,
} from './types';

const MATCH_RANK: Record<DrugMatch, number> = {
  ndc: 0,
  gtin: 0,
  scan: 0,
  'product-ndc': 1,
  rxcui: 1,
  'ndc-prefix': 2,
  name: 3,
};

const collator = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class DrugSearchIndex {
  /** Rows sorted by name, then NDC: a row's index is its alphabetical rank. */
  private readonly rows: DrugSearchRow[];
  /** Folded primary names (proprietary, nonproprietary) and other names (substances, synonyms) per row. */
  private readonly folded: string[][];
  private readonly foldedOther: string[][];
  /** Each row's name words, to filter a small candidate set by a word whose token range is large. */
  private readonly rowTokens: string[][] = [];
  private readonly byNdc = new Map<string, number[]>();
  private readonly byProduct = new Map<string, number[]>();
  private readonly byRxcui = new Map<string, number[]>();
  private readonly byGtin = new Map<string, number>();
  private readonly sortedNdc: string[];
  private readonly ndcOrder: Int32Array;
  private readonly tokens: string[];
  private readonly postings: Int32Array[];
  /** cum[i] = total posting length of tokens[0..i): the size of a prefix range in O(1). */
  private readonly cum: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly candBuf: Int32Array;
  private epoch = 0;

  private constructor(rows: DrugSearchRow[]) {
    const keyed = rows.map((r) => ({
      r,
      k: `${foldName(r.proprietaryName ?? r.nonproprietaryName)}\u0000${r.ndc11}`,
    }));
    keyed.sort((a, b) => collator(a.k, b.k));
    this.rows = keyed.map((x) => x.r);
    this.folded = [];
    this.foldedOther = [];
    const tokenRows = new Map<string, number[]>();
    const push = (m: Map<string, number[]>, k: string, i: number) => {
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    };
    for (const [i, r] of this.rows.entries()) {
      push(this.byNdc, r.ndc11, i);
      push(this.byProduct, r.ndc11.slice(0, 9), i);
      if (r.rxcui) push(this.byRxcui, r.rxcui, i);
      for (const c of r.ingredientRxcuis ?? []) push(this.byRxcui, c, i);
      if (r.gtin14) this.byGtin.set(r.gtin14, i);
      const names = [r.proprietaryName, r.nonproprietaryName, ...(r.otherNames ?? [])].filter(
        (n): n is string => !!n,
      );
      const primary = [r.proprietaryName, r.nonproprietaryName].filter((n): n is string => !!n).map(foldName);
      this.folded.push(primary);
      this.foldedOther.push((r.otherNames ?? []).map(foldName).filter((n) => !primary.includes(n)));
      const seen = new Set<string>();
      this.rowTokens.push(seen as unknown as string[]);
      for (const n of names)
        for (const t of tokenize(n)) {
          if (seen.has(t)) continue;
          seen.add(t);
          push(tokenRows, t, i);
        }
    }
    for (let i = 0; i < this.rowTokens.length; i++)
      this.rowTokens[i] = [...(this.rowTokens[i] as unknown as Set<string>)];
    this.tokens = [...tokenRows.keys()].sort(collator);
    this.postings = this.tokens.map((t) => Int32Array.from(tokenRows.get(t) ?? []));
    this.cum = new Float64Array(this.tokens.length + 1);
    for (let i = 0; i < this.postings.length; i++)
      this.cum[i + 1] = (this.cum[i] ?? 0) + (this.postings[i]?.length ?? 0);
    const order = this.rows
      .map((_, i) => i)
      .sort((a, b) => collator(this.rows[a]?.ndc11 ?? '', this.rows[b]?.ndc11 ?? ''));
    this.ndcOrder = Int32Array.from(order);
    this.sortedNdc = order.map((i) => this.rows[i]?.ndc11 ?? '');
    this.stamp = new Uint32Array(this.rows.length);
    this.candBuf = new Int32Array(this.rows.length);
  }

  static build(rows: Iterable<DrugSearchRow>): DrugSearchIndex {
    return new DrugSearchIndex([...rows]);
  }

  get size(): number {
    return this.rows.length;
  }

  /** Rows of one package NDC (11 digits). */
  byNdc11(ndc11: string): DrugSearchRow[] {
    return (this.byNdc.get(ndc11) ?? []).map((i) => this.rows[i] as DrugSearchRow);
  }

  search(query: string, opts: DrugSearchOptions = {}): DrugSearchResult {
    const q = typeof query === 'string' ? query.trim() : '';
    const limit = Math.max(1, Math.min(500, Math.floor(opts.limit ?? 20)));
    if (q === '') return { query: q, kind: 'empty', hits: [], total: 0 };
    const found = new Map<number, DrugMatch>();
    const add = (ids: Iterable<number> | undefined, m: DrugMatch) => {
      for (const i of ids ?? []) {
        const prev = found.get(i);
        if (prev === undefined || MATCH_RANK[m] < MATCH_RANK[prev]) found.set(i, m);
      }
    };
    let kind: DrugQueryKind = 'name';
    let scan: DrugSearchResult['scan'];
    const compact = q.replace(/^NDC[\s:#]*/i, '');
    if (/^[\d\s-]+$/.test(compact)) {
      kind = this.numeric(compact, add);
    } else if (looksLikeScan(q)) {
      const s = parseScan(q);
      if (s.ok) {
        kind = 'scan';
        const cands = s.ndc?.ndc11 ? [s.ndc.ndc11] : (s.ndc?.candidates ?? []).map((c) => c.ndc11);
        for (const c of cands) add(this.byNdc.get(c), 'scan');
        if (s.kind === 'gs1') {
          scan = scanInfo(s.data);
          const g = s.data.gtin ? this.byGtin.get(s.data.gtin) : undefined;
          if (g !== undefined) add([g], 'scan');
        }
      }
    }
    if (kind === 'name') return this.rankNames(q, this.names(q), limit, opts);
    return this.rank(q, kind, found, limit, opts, scan);
  }

  private numeric(q: string, add: (ids: Iterable<number> | undefined, m: DrugMatch) => void): DrugQueryKind {
    const digits = q.replace(/[\s-]/g, '');
    const dashed = /[\s-]/.test(q.trim());
    if (dashed && q.split(/\s*-\s*|\s+/).length === 2) {
      const p = normalizeProductNdc(q.replace(/\s+/g, ''));
      if (p.ok) add(this.byProduct.get(p.productKey), 'product-ndc');
      return 'product-ndc';
    }
    if (digits.length >= 12 && digits.length <= 14) {
      const s = parseScan(digits);
      if (s.ok && s.ndc) {
        const cands = s.ndc.ndc11 ? [s.ndc.ndc11] : s.ndc.candidates.map((c) => c.ndc11);
        for (const c of cands) add(this.byNdc.get(c), 'gtin');
      }
      const g = this.byGtin.get(digits.padStart(14, '0'));
      if (g !== undefined) add([g], 'gtin');
      return 'gtin';
    }
    if (digits.length === 10 || digits.length === 11 || dashed) {
      const n = normalizeNdc(q);
      const cands = n.ok ? [n.ndc11] : (n.error.candidates ?? []).map((c) => c.ndc11);
      for (const c of cands) add(this.byNdc.get(c), 'ndc');
      if (dashed) return 'ndc';
    }
    // Bare digits: an RxCUI, or the start of an 11-digit NDC while typing.
    add(this.byRxcui.get(digits.replace(/^0+/, '')), 'rxcui');
    if (digits.length >= 4 && digits.length < 11) add(this.ndcPrefix(digits), 'ndc-prefix');
    return digits.length === 10 || digits.length === 11 ? 'ndc' : 'digits';
  }

  private *ndcPrefix(prefix: string, max = 2000): Iterable<number> {
    let i = lowerBound(this.sortedNdc, prefix);
    for (let n = 0; i < this.sortedNdc.length && n < max; i++, n++) {
      if (!this.sortedNdc[i]?.startsWith(prefix)) return;
      yield this.ndcOrder[i] as number;
    }
  }

  /** Rows whose names have a word starting with each query word (any order). */
  private names(q: string): ArrayLike<number> {
    const words = [...new Set(tokenize(q))];
    if (words.length === 0) return [];
    const ranges = words
      .map((w) => {
        const lo = lowerBound(this.tokens, w);
        let hi = lo;
        while (hi < this.tokens.length && this.tokens[hi]?.startsWith(w)) hi++;
        return { word: w, lo, hi, size: (this.cum[hi] ?? 0) - (this.cum[lo] ?? 0) };
      })
      .sort((a, b) => a.size - b.size);
    let cand: number[] | null = null;
    let first: Int32Array | null = null;
    for (const r of ranges) {
      const e = this.nextEpoch();
      if (cand === null && first === null) {
        // The rarest word: collect its rows once, in a buffer reused across searches (no garbage per keystroke).
        let count = 0;
        const buf = this.candBuf;
        for (let t = r.lo; t < r.hi; t++) {
          const list = this.postings[t] as Int32Array;
          for (let j = 0; j < list.length; j++) {
            const i = list[j] as number;
            if (this.stamp[i] !== e) {
              this.stamp[i] = e;
              buf[count++] = i;
            }
          }
        }
        first = buf.subarray(0, count);
        if (count === 0) return [];
        continue;
      }
      if (cand === null) cand = Array.from(first ?? []);
      if (r.size > cand.length * 8) {
        // A common word ("chloride") after a rare one: test the few candidates instead of walking its postings.
        const w = r.word;
        cand = cand.filter((i) => (this.rowTokens[i] ?? []).some((t) => t.startsWith(w)));
      } else {
        for (let t = r.lo; t < r.hi; t++) {
          const list = this.postings[t] as Int32Array;
          for (let j = 0; j < list.length; j++) this.stamp[list[j] as number] = e;
        }
        cand = cand.filter((i) => this.stamp[i] === e);
      }
      if (cand.length === 0) return [];
    }
    return cand ?? first ?? [];
  }

  private rankNames(
    q: string,
    cand: ArrayLike<number>,
    limit: number,
    opts: DrugSearchOptions,
  ): DrugSearchResult {
    const fq = foldName(q);
    const n = this.rows.length;
    const heap = new TopK(limit);
    const preferred = opts.preferred;
    for (let j = 0; j < cand.length; j++) {
      const i = cand[j] as number;
      const row = this.rows[i] as DrugSearchRow;
      const p = preferred ? preferred(row) : false;
      const tier = MATCH_RANK.name * 16 + (row.active ? 0 : 8) + (p ? 0 : 4) + this.nameRank(i, fq);
      heap.offer(tier * n + i, i);
    }
    const hits = heap
      .sorted()
      .map((i) => this.hit(i, 'name', preferred ? preferred(this.rows[i] as DrugSearchRow) : false));
    return { query: q.trim(), kind: 'name', hits, total: cand.length };
  }

  private hit(i: number, match: DrugMatch, preferred: boolean): DrugSearchHit {
    const row = this.rows[i] as DrugSearchRow;
    const generic = row.nonproprietaryName ?? row.proprietaryName ?? '';
    return {
      row,
      match,
      displayName: applyTallMan(row.proprietaryName ?? generic),
      genericName: applyTallMan(generic),
      preferred,
    };
  }

  /** Whole primary name (0), primary name prefix (1), another name's prefix (2), word prefixes only (3). */
  private nameRank(i: number, fq: string): number {
    const names = this.folded[i] as string[];
    let best = 3;
    for (const x of names) {
      if (x === fq) return 0;
      if (best > 1 && x.startsWith(fq)) best = 1;
    }
    if (best === 3) for (const x of this.foldedOther[i] as string[]) if (x.startsWith(fq)) return 2;
    return best;
  }

  private nextEpoch(): number {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  private rank(
    q: string,
    kind: DrugQueryKind,
    found: Map<number, DrugMatch>,
    limit: number,
    opts: DrugSearchOptions,
    scan: DrugSearchResult['scan'],
  ): DrugSearchResult {
    const fq = foldName(q);
    const n = this.rows.length;
    // Composite key: smaller is better; the row index (alphabetical rank) breaks ties.
    const heap = new TopK(limit);
    const pref = new Map<number, boolean>();
    const preferred = opts.preferred;
    for (const [i, m] of found) {
      const row = this.rows[i] as DrugSearchRow;
      const p = preferred ? preferred(row) : false;
      if (p) pref.set(i, p);
      let nameRank = 0;
      if (m === 'name') nameRank = this.nameRank(i, fq);
      const tier = MATCH_RANK[m] * 16 + (row.active ? 0 : 8) + (p ? 0 : 4) + nameRank;
      heap.offer(tier * n + i, i);
    }
    const hits = heap.sorted().map((i) => this.hit(i, found.get(i) as DrugMatch, pref.get(i) ?? false));
    const out: DrugSearchResult = { query: q, kind, hits, total: found.size };
    if (scan) out.scan = scan;
    return out;
  }
}

function looksLikeScan(q: string): boolean {
  return q.startsWith('(') || q.startsWith(']') || q.includes('\u001d') || /^01\d{14}/.test(q);
}

function scanInfo(d: Gs1Data): NonNullable<DrugSearchResult['scan']> {
  const out: NonNullable<DrugSearchResult['scan']> = {};
  if (d.gtin) out.gtin = d.gtin;
  if (d.lot) out.lot = d.lot;
  if (d.expiry) out.expiry = d.expiry;
  if (d.serial) out.serial = d.serial;
  return out;
}

function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the k smallest keys (a bounded max-heap), so ranking 20k matches costs O(n log k), not a sort. */
class TopK {
  private readonly keys: number[] = [];
  private readonly vals: number[] = [];
  constructor(private readonly k: number) {}

  offer(key: number, val: number): void {
    const { keys, vals } = this;
    if (keys.length < this.k) {
      keys.push(key);
      vals.push(val);
      this.up(keys.length - 1);
    } else if (key < (keys[0] ?? Number.POSITIVE_INFINITY)) {
      keys[0] = key;
      vals[0] = val;
      this.down(0);
    }
  }

  sorted(): number[] {
    return this.keys
      .map((k, i) => [k, this.vals[i] as number] as const)
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]);
  }

  private swap(a: number, b: number) {
    const { keys, vals } = this;
    [keys[a], keys[b]] = [keys[b] as number, keys[a] as number];
    [vals[a], vals[b]] = [vals[b] as number, vals[a] as number];
  }

  private up(i: number) {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] ?? 0) >= (this.keys[i] ?? 0)) return;
      this.swap(p, i);
      i = p;
    }
  }

  private down(i: number) {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && (this.keys[l] ?? 0) > (this.keys[m] ?? 0)) m = l;
      if (r < n && (this.keys[r] ?? 0) > (this.keys[m] ?? 0)) m = r;
      if (m === i) return;
      this.swap(m, i);
      i = m;
    }
  }
}
