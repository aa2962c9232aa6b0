// Tall man lettering: mixed-case names that make look-alike drug names differ on screen.
// Sources: FDA Name Differentiation Project list and ISMP "Look-Alike Drug Names with Recommended Tall Man
// Letters" (2023 edition), as tabulated in /work/shared/docs/domain-rules.md §11 [S79][S80][S81].
// Kept as data (the lists are revised periodically): each pair is listed once, in both sources' spelling.

export type TallManSource = 'FDA' | 'ISMP';

export interface TallManGroup {
  names: readonly string[];
  source: TallManSource;
}

export const TALL_MAN_GROUPS: readonly TallManGroup[] = [
  // FDA Name Differentiation Project.
  { names: ['acetaZOLAMIDE', 'acetoHEXAMIDE'], source: 'FDA' },
  { names: ['buPROPion', 'busPIRone'], source: 'FDA' },
  { names: ['chlorproMAZINE', 'chlorproPAMIDE'], source: 'FDA' },
  { names: ['clomiPHENE', 'clomiPRAMINE'], source: 'FDA' },
  { names: ['cycloSERINE', 'cycloSPORINE'], source: 'FDA' },
  { names: ['DAUNOrubicin', 'DOXOrubicin'], source: 'FDA' },
  { names: ['dimenhyDRINATE', 'diphenhydrAMINE'], source: 'FDA' },
  { names: ['DOBUTamine', 'DOPamine'], source: 'FDA' },
  { names: ['glipiZIDE', 'glyBURIDE'], source: 'FDA' },
  { names: ['hydrALAZINE', 'hydrOXYzine'], source: 'FDA' },
  { names: ['medroxyPROGESTERone', 'methylPREDNISolone', 'methylTESTOSTERone'], source: 'FDA' },
  { names: ['niCARdipine', 'NIFEdipine'], source: 'FDA' },
  { names: ['predniSONE', 'prednisoLONE'], source: 'FDA' },
  { names: ['sulfADIAZINE', 'sulfiSOXAZOLE'], source: 'FDA' },
  { names: ['TOLAZamide', 'TOLBUTamide'], source: 'FDA' },
  { names: ['vinBLAStine', 'vinCRIStine'], source: 'FDA' },
  { names: ['CISplatin', 'CARBOplatin'], source: 'FDA' },
  // ISMP additions.
  { names: ['ALPRAZolam', 'LORazepam'], source: 'ISMP' },
  { names: ['amLODIPine', 'aMILoride'], source: 'ISMP' },
  { names: ['azaCITIDine', 'azaTHIOprine'], source: 'ISMP' },
  { names: ['ceFAZolin', 'cefTRIAXone'], source: 'ISMP' },
  { names: ['CeleBREX', 'CeleXA'], source: 'ISMP' },
  { names: ['chlorproMAZINE', 'chlordiazePOXIDE'], source: 'ISMP' },
  { names: ['clonazePAM', 'cloNIDine'], source: 'ISMP' },
  { names: ['clonazePAM', 'LORazepam'], source: 'ISMP' },
  { names: ['cloNIDine', 'KlonoPIN'], source: 'ISMP' },
  { names: ['DACTINomycin', 'DAPTOmycin'], source: 'ISMP' },
  { names: ['ePHEDrine', 'EPINEPHrine'], source: 'ISMP' },
  { names: ['fentaNYL', 'SUFentanil'], source: 'ISMP' },
  { names: ['FLUoxetine', 'DULoxetine'], source: 'ISMP' },
  { names: ['guanFACINE', 'guaiFENesin'], source: 'ISMP' },
  { names: ['HumaLOG', 'HumuLIN'], source: 'ISMP' },
  { names: ['metroNIDAZOLE', 'metFORMIN'], source: 'ISMP' },
  { names: ['HYDROcodone', 'oxyCODONE'], source: 'ISMP' },
  { names: ['morphine', 'HYDROmorphone'], source: 'ISMP' },
  { names: ['NexIUM', 'NexAVAR'], source: 'ISMP' },
  { names: ['niMODipine', 'NIFEdipine'], source: 'ISMP' },
  { names: ['NovoLOG', 'NovoLIN'], source: 'ISMP' },
  { names: ['OXcarbazepine', 'carBAMazepine'], source: 'ISMP' },
  { names: ['oxyCODONE', 'OxyCONTIN'], source: 'ISMP' },
  { names: ['PARoxetine', 'FLUoxetine'], source: 'ISMP' },
  { names: ['PENTobarbital', 'PHENobarbital'], source: 'ISMP' },
  { names: ['PriLOSEC', 'PROzac'], source: 'ISMP' },
  { names: ['QUEtiapine', 'OLANZapine'], source: 'ISMP' },
  { names: ['quiNINE', 'quiNIDine'], source: 'ISMP' },
  { names: ['riTUXimab', 'inFLIXimab'], source: 'ISMP' },
  { names: ['SandIMMUNE', 'SandoSTATIN'], source: 'ISMP' },
  { names: ['SEROquel', 'SINEquan'], source: 'ISMP' },
];

/** lower-case name → tall man spelling (names with no capitals, such as "morphine", are left out). */
const TALL_MAN: ReadonlyMap<string, string> = new Map(
  TALL_MAN_GROUPS.flatMap((g) => g.names)
    .filter((n) => n !== n.toLowerCase())
    .map((n) => [n.toLowerCase(), n]),
);

/** Every tall man spelling in the list, once each. */
export const TALL_MAN_NAMES: readonly string[] = [...new Set(TALL_MAN.values())].sort();

/** The tall man spelling of one word, or undefined when the word is not on the list. */
export function tallManWord(word: string): string | undefined {
  return TALL_MAN.get(word.toLowerCase());
}

/**
 * Rewrites every listed word of a name in tall man letters, whatever case it came in
 * ("HYDROXYZINE HYDROCHLORIDE" → "hydrOXYzine HYDROCHLORIDE"); other words keep their case.
 */
export function applyTallMan(name: string): string {
  if (typeof name !== 'string') return '';
  return name.replace(/[A-Za-z]+/g, (w) => TALL_MAN.get(w.toLowerCase()) ?? w);
}
