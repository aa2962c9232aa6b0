import bwipjs from 'bwip-js/node';

/**
 * Code 128 PNG of the fill's barcode value. White background and a quiet zone are set explicitly:
 * without them bwip-js draws on a transparent canvas and scanners (and zbar) cannot find the code.
 * ISO/IEC 15417 asks for a quiet zone of at least 10 modules either side; bwip-js padding is counted in
 * module-sized units (before `scale`), so 12 gives 12 modules.
 */
export async function code128Png(value: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: value,
    scale: 3,
    height: 9,
    includetext: false,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 12,
    paddingheight: 3,
  });
}
