import QRCode from 'qrcode';

/** A QR code as inline SVG, so the printed page needs no external resource. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
