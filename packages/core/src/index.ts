// @apotheca/core: import areas by subpath, e.g. `@apotheca/core/ndc`, `@apotheca/core/calc`.
export * as calc from './calc';
export * as drugs from './drugs';
export * as gs1 from './gs1';
export * as identifiers from './identifiers';
export * as ndc from './ndc';
export * as sig from './sig';
