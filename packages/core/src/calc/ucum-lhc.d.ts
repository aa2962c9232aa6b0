// Minimal types for @lhncbc/ucum-lhc 7.x (the package ships none). Only what calc/units.ts uses.
declare module '@lhncbc/ucum-lhc' {
  export interface UcumConversionResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
    msg: string[];
  }
  export interface UcumValidationResult {
    status: 'valid' | 'invalid' | 'error';
    ucumCode: string | null;
    msg: string[];
    unit?: { code: string; name: string; guidance: string | null } | null;
  }
  export interface UcumLhcUtils {
    convertUnitTo(
      fromUnitCode: string,
      fromVal: number,
      toUnitCode: string,
      options?: { suggest?: boolean; molecularWeight?: number },
    ): UcumConversionResult;
    validateUnitString(unit: string, suggest?: boolean): UcumValidationResult;
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
