/** One package of the catalogue as the search index sees it (the server builds these from its tables). */
export interface DrugSearchRow {
  /** 11-digit NDC without dashes (5-4-2). */
  ndc11: string;
  /** 10-digit NDC with dashes in its own layout, when known. */
  ndc10?: string | null;
  gtin14?: string | null;
  /** Product id in the catalogue (several packages share one). */
  productId?: string | null;
  proprietaryName?: string | null;
  nonproprietaryName?: string | null;
  /** More names to match on: substance names, synonyms, RxNorm names. */
  otherNames?: readonly string[];
  strength?: string | null;
  dosageForm?: string | null;
  route?: string | null;
  packageDescription?: string | null;
  labeler?: string | null;
  deaSchedule?: string | null;
  rxcui?: string | null;
  ingredientRxcuis?: readonly string[];
  active: boolean;
}

export type DrugMatch = 'ndc' | 'gtin' | 'scan' | 'product-ndc' | 'ndc-prefix' | 'rxcui' | 'name';

export interface DrugSearchHit {
  row: DrugSearchRow;
  match: DrugMatch;
  /** Proprietary (or else nonproprietary) name in tall man letters. */
  displayName: string;
  /** Nonproprietary name in tall man letters. */
  genericName: string;
  /** True when the caller's `preferred` test said so (e.g. on the site's formulary). */
  preferred: boolean;
}

export interface DrugSearchOptions {
  /** Maximum hits (default 20, at most 500). */
  limit?: number;
  /** Ranks these rows higher among equals, e.g. the formulary items of the user's site. */
  preferred?: (row: DrugSearchRow) => boolean;
}

export type DrugQueryKind = 'empty' | 'ndc' | 'gtin' | 'scan' | 'product-ndc' | 'digits' | 'name';

export interface DrugSearchResult {
  query: string;
  kind: DrugQueryKind;
  hits: DrugSearchHit[];
  /** How many rows matched before the limit. */
  total: number;
  /** Lot, expiry and serial when the query was a GS1 scan. */
  scan?: { gtin?: string; lot?: string; expiry?: string; serial?: string };
}
