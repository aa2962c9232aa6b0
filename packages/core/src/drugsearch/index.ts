export { DrugSearchIndex } from './search-index';
export {
  applyTallMan,
  TALL_MAN_GROUPS,
  TALL_MAN_NAMES,
  type TallManGroup,
  type TallManSource,
  tallManWord,
} from './tallman';
export { foldName, tokenize } from './tokens';
export type {
  DrugMatch,
  DrugQueryKind,
  DrugSearchHit,
  DrugSearchOptions,
  DrugSearchResult,
  DrugSearchRow,
} from './types';
