/**
 * QR codes of links, with the `qrcode` library: error correction M (survives a scratched or
 * dirty poster; 15 % of the code can be lost) and the standard quiet zone of 4 modules.
 */
import QRCode from 'qrcode';

export const ERROR_CORRECTION = 'M';
export const QUIET_ZONE = 4;
/** Pixels per module in the PNG: 10 px, about 0.85 mm at 300 dpi, scannable from a metre. */
export const PNG_SCALE = 10;

export interface QrInfo {
  version: number;
  /** Modules along one side, without the quiet zone. */
  modules: number;
}

export function qrInfo(text: string): QrInfo {
  const qr = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { version: qr.version, modules: qr.modules.size };
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

export function qrPng(text: string, scale = PNG_SCALE): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE,
    scale,
  });
}
