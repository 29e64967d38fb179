export type ImportContent = { csvBase64: string } | { xlsxBase64: string };
export type ImportBody = ImportContent & { dryRun: boolean };

export type ImportRow = {
  line: number;
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  /** The row's own date as written (may be refused), or the default when the cell was empty. */
  startDate: string;
  /** The row's end date (Sluttdato), or null when the cell was empty. */
  endDate: string | null;
  /** create: new subscription; update: the employee's current one changes; unchanged: nothing to do. */
  action: 'create' | 'update' | 'unchanged';
  changes: ('zones' | 'category' | 'endDate' | 'department')[];
  fields: Record<string, string | number | boolean>;
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
