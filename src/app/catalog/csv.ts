import { type CsvCell, writeCsv } from '../../adapters/files/csv-writer';

/** A catalog file (GTFS style: comma, no BOM, CRLF) through the one CSV writer. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return writeCsv([header, ...rows], { delimiter: ',', bom: false });
}
