import { injectable } from 'inversify';
import QRCode from 'qrcode';
import type { QrCodes } from '../domain/ClickToChat';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** QR codes with `qrcode` (pure JavaScript: SVG text, PNG through pngjs). */
@injectable()
export class QrCodeImages implements QrCodes {
  svg(text: string): Promise<string> {
    return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
  }

  png(text: string): Promise<Buffer> {
    return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width: 512 });
  }
}
