// Product NDC (labeler-product, as FDA's PRODUCTNDC column) → a 9-digit join key.
// Padding follows the same rule as the 11-digit package NDC (domain-rules.md §3 [S23]):
// 4-4 → zero in front, 5-3 → zero before the product code, 5-4 unchanged. The key equals
// the first 9 digits of every package ndc11 of that product, whatever its package layout.
import { err, type NdcError } from './layout';

export type ProductNdcLayout = '4-4' | '5-3' | '5-4';

export type ProductNdcResult =
  | {
      ok: true;
      /** 9 digits, labeler 5 + product 4. */
      productKey: string;
      /** `00002-3227` */
      productKeyDashed: string;
      /** The product NDC in its own layout, e.g. `0002-3227`; absent when only 9 digits were given. */
      productNdc?: string;
      layout?: ProductNdcLayout;
    }
  | { ok: false; error: NdcError };

/** Normalizes a product NDC such as `0002-3227`, `50090-123` or the 9-digit key. */
export function normalizeProductNdc(input: string): ProductNdcResult {
  if (typeof input !== 'string') return err('not-a-string', 'product NDC must be a string');
  const s = input.trim();
  if (s === '') return err('empty', 'product NDC is empty');
  const parts = s.split('-');
  if (!parts.every((p) => /^\d+$/.test(p)))
    return err('bad-characters', 'product NDC may contain only digits and one dash');
  if (parts.length === 1) {
    if (s.length === 9)
      return { ok: true, productKey: s, productKeyDashed: `${s.slice(0, 5)}-${s.slice(5)}` };
    if (s.length === 8) return err('ambiguous', '8 digits without a dash fit 4-4 and 5-3; keep the dash');
    return err('bad-length', 'a product NDC has 8 digits with a dash or 9 padded digits');
  }
  if (parts.length !== 2) return err('bad-segments', 'a product NDC has 2 segments: labeler-product');
  const [lab = '', prod = ''] = parts;
  const layout = `${lab.length}-${prod.length}`;
  let key: string;
  if (layout === '4-4') key = `0${lab}${prod}`;
  else if (layout === '5-3') key = `${lab}0${prod}`;
  else if (layout === '5-4') key = lab + prod;
  else return err('bad-segments', `segments ${layout} are not 4-4, 5-3 or 5-4`);
  return {
    ok: true,
    productKey: key,
    productKeyDashed: `${key.slice(0, 5)}-${key.slice(5)}`,
    productNdc: s,
    layout: layout as ProductNdcLayout,
  };
}

/** The product join key of an 11-digit NDC (dashes allowed). */
export function productKeyOfNdc11(ndc11: string): string | undefined {
  const d = typeof ndc11 === 'string' ? ndc11.replace(/-/g, '') : '';
  return /^\d{11}$/.test(d) ? d.slice(0, 9) : undefined;
}
