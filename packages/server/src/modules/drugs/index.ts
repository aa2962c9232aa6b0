export { getCatalogue, invalidateCatalogue } from './catalogue';
export { registerDrugCommands } from './cli';
export { importNdcDirectory } from './import/ndc-import';
export { importNiosh } from './import/niosh-import';
export type { ImportSummary } from './import/runs';
export { importRxnorm } from './import/rxnorm-import';
export { registerDrugRoutes } from './routes';
export { getDrug, searchDrugs } from './service';
export { loadStarterCatalogue, STARTER_FILE } from './starter';
