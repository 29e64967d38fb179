import { fileBase64 } from '../../../file-bytes';
import type { ImportContent } from './types';

export type ImportFile = { name: string; body: ImportContent };

/** CSV and XLSX go to the server as their bytes (base64); anything else is refused here. */
export async function readImportFile(file: File): Promise<ImportFile | null> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') {
    return { name: file.name, body: { csvBase64: await fileBase64(file) } };
  }
  if (name.endsWith('.xlsx')) return { name: file.name, body: { xlsxBase64: await fileBase64(file) } };
  return null;
}
