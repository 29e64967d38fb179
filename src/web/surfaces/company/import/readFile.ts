import type { ImportContent } from './types';

export type ImportFile = { name: string; body: ImportContent };

/** CSV as text, XLSX as base64; anything else is refused here. */
export async function readImportFile(file: File): Promise<ImportFile | null> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') {
    return { name: file.name, body: { csv: await file.text() } };
  }
  if (name.endsWith('.xlsx')) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return { name: file.name, body: { xlsxBase64: btoa(binary) } };
  }
  return null;
}
