import { type CsvCell, writeCsv } from '../../adapters/files/csv-writer';

/**
 * A catalog file (GTFS style: comma, no BOM, CRLF) through the one CSV writer. GTFS files are data
 * for other systems, not spreadsheets: values are written as they are, without the formula guard
 * (a `'` before `=SUM(1)` would change the id), and the catalog import reads them the same way.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return writeCsv([header, ...rows], { delimiter: ',', bom: false, formulaGuard: false });
}
