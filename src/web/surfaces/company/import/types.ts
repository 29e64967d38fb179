export type ImportContent = { csvBase64: string } | { xlsxBase64: string };
export type ImportBody = ImportContent & { dryRun: boolean };

export type ImportRow = {
  line: number;
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  startDate: string;
  errors: { field: string; code: string; message: string }[];
};

export type ImportResult = {
  dryRun: boolean;
  valid: boolean;
  total: number;
  /** The text encoding the server read the CSV file in (null for XLSX). */
  encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252' | null;
  rows: ImportRow[];
  items: unknown[];
};
