export type ImportContent = { csv: string } | { xlsxBase64: string };
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
  rows: ImportRow[];
  items: unknown[];
};
