import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { invoiceDocument, ticketLine } from '../../../test/support/invoice-document';
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
  return invoiceDocument(
    names.map((name) => ticketLine(name, 'Voksen, 1 sone', 81_400)),
    {
      buyer: {
        orgNumber: '123456785',
        name: 'Łódź Świętokrzyska Šárka AS',
        street: 'Ødegårdsveien 1',
        postalCode: '4630',
        city: 'Kristiansand',
        reference: 'Žaneta Ąžuolaitė',
      },
    },
  );
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

  it('issue 14 item 7: equal tickets print equal lines, and the rounding amount (BT-114) stands above the amount due', async () => {
    const text = textOf(await invoiceToPdf(invoice(NAMES)));
    // Seven 814 kr tickets: each 726,79 + 87,21; VAT on the total 610,50; rounding −0,03.
    expect(text.match(/726,79 kr\s+87,21 kr\s+814,00 kr/g)).toHaveLength(NAMES.length);
    expect(text).toMatch(/Øreavrunding\s+-0,03 kr/);
    expect(text).toContain('Å betale: 5 698,00 kr');
  });
});
