import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
let prepared = false;

/** The text of the QR code in a PNG (a screenshot), read with zxing-wasm from node_modules. */
export async function readQr(png: Uint8Array): Promise<string> {
  if (!prepared) {
    prepareZXingModule({
      overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer },
    });
    prepared = true;
  }
  const [result] = await readBarcodes(png, { formats: ['QRCode'], tryHarder: true });
  if (!result?.text) throw new Error('no QR code in the image');
  return result.text;
}

/**
 * A YUV4MPEG2 video (for Chromium's --use-file-for-fake-video-capture) showing `text` as a QR
 * code, black on white, written frame by frame without any tool: 4:2:0, grey (U = V = 128).
 */
export function writeQrVideo(path: string, text: string, frames = 10): void {
  const qr = QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
  const width = 640;
  const height = 480;
  const size = qr.modules.size + 8;
  const scale = Math.floor(440 / size);
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const y = new Uint8Array(width * height).fill(235);
  for (let row = 0; row < qr.modules.size; row++) {
    for (let col = 0; col < qr.modules.size; col++) {
      if (!qr.modules.get(col, row)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const start = (top + (row + 4) * scale + dy) * width + left + (col + 4) * scale;
        y.fill(16, start, start + scale);
      }
    }
  }
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
