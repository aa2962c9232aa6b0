import type { Source } from '../types';
import { TALL_MAN_FDA, TALL_MAN_ISMP } from './sources';

// Look-alike/sound-alike name groups with their tall man (mixed-case) forms. 'fda' = FDA Name
// Differentiation Project; 'ismp' = ISMP-recommended additions. Brand names appear as the list prints them.
export interface TallManGroup {
  names: readonly string[];
  list: 'fda' | 'ismp';
}

export const TALL_MAN_GROUPS: readonly TallManGroup[] = [
  { list: 'fda', names: ['acetaZOLAMIDE', 'acetoHEXAMIDE'] },
  { list: 'fda', names: ['buPROPion', 'busPIRone'] },
  { list: 'fda', names: ['chlorproMAZINE', 'chlorproPAMIDE'] },
  { list: 'fda', names: ['clomiPHENE', 'clomiPRAMINE'] },
  { list: 'fda', names: ['cycloSERINE', 'cycloSPORINE'] },
  { list: 'fda', names: ['DAUNOrubicin', 'DOXOrubicin'] },
  { list: 'fda', names: ['dimenhyDRINATE', 'diphenhydrAMINE'] },
  { list: 'fda', names: ['DOBUTamine', 'DOPamine'] },
  { list: 'fda', names: ['glipiZIDE', 'glyBURIDE'] },
  { list: 'fda', names: ['hydrALAZINE', 'hydrOXYzine'] },
  { list: 'fda', names: ['medroxyPROGESTERone', 'methylPREDNISolone', 'methylTESTOSTERone'] },
  { list: 'fda', names: ['niCARdipine', 'NIFEdipine'] },
  { list: 'fda', names: ['predniSONE', 'prednisoLONE'] },
  { list: 'fda', names: ['sulfADIAZINE', 'sulfiSOXAZOLE'] },
  { list: 'fda', names: ['TOLAZamide', 'TOLBUTamide'] },
  { list: 'fda', names: ['vinBLAStine', 'vinCRIStine'] },
  { list: 'fda', names: ['CISplatin', 'CARBOplatin'] },
  { list: 'ismp', names: ['ALPRAZolam', 'LORazepam', 'clonazePAM'] },
  { list: 'ismp', names: ['amLODIPine', 'aMILoride'] },
  { list: 'ismp', names: ['azaCITIDine', 'azaTHIOprine'] },
  { list: 'ismp', names: ['ceFAZolin', 'cefTRIAXone'] },
  { list: 'ismp', names: ['CeleBREX', 'CeleXA'] },
  { list: 'ismp', names: ['chlordiazePOXIDE', 'chlorproMAZINE'] },
  { list: 'ismp', names: ['clonazePAM', 'cloNIDine', 'KlonoPIN'] },
  { list: 'ismp', names: ['DACTINomycin', 'DAPTOmycin'] },
  { list: 'ismp', names: ['ePHEDrine', 'EPINEPHrine'] },
  { list: 'ismp', names: ['fentaNYL', 'SUFentanil'] },
  { list: 'ismp', names: ['FLUoxetine', 'DULoxetine', 'PARoxetine'] },
  { list: 'ismp', names: ['guanFACINE', 'guaiFENesin'] },
  { list: 'ismp', names: ['HumaLOG', 'HumuLIN'] },
  { list: 'ismp', names: ['HYDROcodone', 'oxyCODONE', 'OxyCONTIN'] },
  { list: 'ismp', names: ['HYDROmorphone', 'morphine'] },
  { list: 'ismp', names: ['metroNIDAZOLE', 'metFORMIN'] },
  { list: 'ismp', names: ['NexIUM', 'NexAVAR'] },
  { list: 'ismp', names: ['niMODipine', 'NIFEdipine'] },
  { list: 'ismp', names: ['NovoLOG', 'NovoLIN'] },
  { list: 'ismp', names: ['OXcarbazepine', 'carBAMazepine'] },
  { list: 'ismp', names: ['PENTobarbital', 'PHENobarbital'] },
  { list: 'ismp', names: ['PriLOSEC', 'PROzac'] },
  { list: 'ismp', names: ['QUEtiapine', 'OLANZapine'] },
  { list: 'ismp', names: ['quiNINE', 'quiNIDine'] },
  { list: 'ismp', names: ['riTUXimab', 'inFLIXimab'] },
  { list: 'ismp', names: ['SandIMMUNE', 'SandoSTATIN'] },
  { list: 'ismp', names: ['SEROquel', 'SINEquan'] },
  { list: 'ismp', names: ['traMADol', 'traZODone'] },
  { list: 'ismp', names: ['lamoTRIgine', 'levETIRAcetam', 'lamiVUDine'] },
  { list: 'ismp', names: ['risperiDONE', 'rOPINIRole'] },
  { list: 'ismp', names: ['sAXagliptin', 'SITagliptin'] },
];

export function tallManSource(list: TallManGroup['list']): Source {
  return list === 'fda' ? TALL_MAN_FDA : TALL_MAN_ISMP;
}
