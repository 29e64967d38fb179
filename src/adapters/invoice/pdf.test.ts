import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '../../domain/billing';
import { MISSING_GLYPH, pdfText } from '../pdf/fonts';
import { invoiceToPdf } from './pdf';

/** The text of a PDF as poppler reads it back (Debian poppler-utils, `pdftotext`). */
function textOf(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf }).toString('utf8');
}

const NAMES = [
  'Łukasz Wiśniewski',
  'Čeněk Šťastný Žďár',
  'Đorđe Ŋaŋŋa Ŧŧ',
  'Žydrūnė Ąžuolaitė',
  'Αλέξανδρος Παπαδόπουλος',
  'Дмитрий Иванов',
  'Áile Ánne Sárá',
];

function invoice(names: string[]): InvoiceDocument {
  return {
    kind: 'invoice',
    number: 1001,
    month: '2027-01',
    issueDate: '2027-02-01',
    dueDate: '2027-02-15',
    kid: '0010010',
    note: null,
    credits: null,
    seller: {
      orgNumber: '974760673',
      vatId: 'NO974760673MVA',
      name: 'Agder Kollektivtrafikk AS',
      street: 'Tordenskjolds gate 9',
      postalCode: '4612',
      city: 'Kristiansand',
      countryCode: 'NO',
      email: 'faktura@example.no',
      phone: '38000000',
      bankAccount: '12345678903',
      paymentTermsDays: 14,
    },
    buyer: {
      orgNumber: '123456785',
      name: 'Łódź Świętokrzyska Šárka AS',
      street: 'Ødegårdsveien 1',
      postalCode: '4630',
      city: 'Kristiansand',
      reference: 'Žaneta Ąžuolaitė',
    },
    lines: names.map((holderName, i) => ({
      lineNo: i + 1,
      subscriptionId: null,
      holderName,
      description: 'Voksen, 1 sone',
      netOre: 72_679,
      vatOre: 8_721,
      grossOre: 81_400,
    })),
    netOre: 72_679 * names.length,
    vatOre: 8_721 * names.length,
    totalOre: 81_400 * names.length,
  };
}

describe('PDFs in every Latin script and more (issue 14, item 6)', () => {
  it('the invoice PDF reads back Polish, Czech, Sami, Lithuanian, Greek and Cyrillic names exactly', async () => {
    const text = textOf(await invoiceToPdf(invoice(NAMES)));
    for (const name of [...NAMES, 'Łódź Świętokrzyska Šárka AS', 'Žaneta Ąžuolaitė', 'Ødegårdsveien 1']) {
      expect(text).toContain(name);
    }
  });

  it('a character with no glyph shows a visible replacement (U+FFFD), never mojibake', async () => {
    expect(pdfText('Kari 𓂀 Nord')).toBe(`Kari ${MISSING_GLYPH} Nord`);
    expect(pdfText('S\u030Cara')).toBe('Šara');
    const text = textOf(await invoiceToPdf(invoice(['Kari 𓂀 Nordmann'])));
    expect(text).toContain(`Kari ${MISSING_GLYPH} Nordmann`);
  });
});
