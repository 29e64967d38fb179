import PDFDocument from 'pdfkit';
import { groupLinesByDepartment, type InvoiceDocument } from '../../domain/billing';
import { formatDateNb } from '../../domain/calendar';
import { formatNok } from '../../domain/money';
import { pdfText, registerPdfFonts } from '../pdf/fonts';

const MARGIN = 50;
const kr = (ore: number) => formatNok(ore, 'nb');

function account(a: string) {
  return `${a.slice(0, 4)}.${a.slice(4, 6)}.${a.slice(6)}`;
}

/**
 * The invoice (or credit note) as an A4 PDF: the operator's and the company's details, the lines by
 * employee (grouped by department with subtotals when the lines have departments, issue 16 item 3),
 * totals with VAT, due date, account and KID. Text is drawn in DejaVu (every Latin
 * script, Greek, Cyrillic); a character without a glyph shows as U+FFFD (adapters/pdf/fonts).
 */
export function invoiceToPdf(d: InvoiceDocument): Promise<Buffer> {
  const credit = d.kind === 'credit_note';
  const title = credit ? 'Kreditnota' : 'Faktura';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${title} ${d.number} – ${d.buyer.name}`, Author: d.seller.name },
  });
  registerPdfFonts(doc);
  const p = (text: string, font: 'regular' | 'bold' = 'regular') => pdfText(text, font);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const s = d.seller;

  doc.font('bold').fontSize(20).text(`${title} ${d.number}`, MARGIN, MARGIN);
  doc.font('regular').fontSize(9);
  doc.text(
    p(`${s.name}\n${s.street}\n${s.postalCode} ${s.city}\nOrg.nr. ${s.orgNumber} MVA\nForetaksregisteret`),
    {
      align: 'right',
      width,
    },
  );
  doc.moveDown(1);
  const top = doc.y;
  doc.font('bold').fontSize(10).text('Kunde', MARGIN, top);
  doc.font('regular').text(p(`${d.buyer.name}\n${d.buyer.street}\n${d.buyer.postalCode} ${d.buyer.city}`));
  doc.text(p(`Org.nr. ${d.buyer.orgNumber}\nDeres referanse: ${d.buyer.reference}`));
  if (d.department) doc.text(p(`Avdeling: ${d.department.name} (koststed ${d.department.costCentre})`));
  const meta: [string, string][] = [
    ['Fakturadato', formatDateNb(d.issueDate)],
    ['Periode', d.month],
    ...(credit
      ? ([['Krediterer faktura', String(d.credits?.number ?? '')]] as [string, string][])
      : ([
          ['Forfallsdato', formatDateNb(d.dueDate)],
          ['Kontonummer', account(s.bankAccount)],
          ['KID', d.kid],
        ] as [string, string][])),
  ];
  let y = top;
  for (const [label, value] of meta) {
    doc.font('bold').text(label, MARGIN + width / 2, y, { width: 110 });
    doc.font('regular').text(p(value), MARGIN + width / 2 + 110, y, { width: width / 2 - 110 });
    y += 14;
  }
  if (d.note) doc.text(p(`Årsak: ${d.note}`), MARGIN, Math.max(doc.y, y) + 8, { width });
  doc.y = Math.max(doc.y, y) + 20;

  const cols = [
    { label: 'Nr', x: 0, w: 25, align: 'left' as const },
    { label: 'Navn', x: 25, w: 130, align: 'left' as const },
    { label: 'Beskrivelse', x: 155, w: 170, align: 'left' as const },
    { label: 'Netto', x: 325, w: 60, align: 'right' as const },
    { label: 'MVA 12 %', x: 385, w: 60, align: 'right' as const },
    { label: 'Beløp', x: 445, w: width - 445, align: 'right' as const },
  ];
  const row = (values: string[], bold = false) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    const rowY = doc.y;
    const font = bold ? 'bold' : 'regular';
    doc.font(font).fontSize(8.5);
    let bottom = rowY;
    cols.forEach((c, i) => {
      doc.text(p(values[i] ?? '', font), MARGIN + c.x, rowY, { width: c.w - 4, align: c.align });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
  };
  row(
    cols.map((c) => c.label),
    true,
  );
  // Issue 16 item 3: lines grouped by department, each with a subtotal, when any line has one.
  const groups = groupLinesByDepartment(d.lines);
  const grouped = groups.some((g) => g.name !== null);
  for (const g of groups) {
    if (grouped) {
      doc.moveDown(0.3);
      row(['', g.name ?? 'Uten avdeling', g.costCentre ? `Koststed ${g.costCentre}` : '', '', '', ''], true);
    }
    for (const l of g.lines) {
      row([String(l.lineNo), l.holderName, l.description, kr(l.netOre), kr(l.vatOre), kr(l.grossOre)]);
    }
    if (grouped) {
      const vat = g.lines.reduce((sum, l) => sum + l.vatOre, 0);
      row(
        [
          '',
          `Delsum ${g.name ?? 'uten avdeling'}`,
          `${g.lines.length} abonnement`,
          kr(g.netOre),
          kr(vat),
          kr(g.grossOre),
        ],
        true,
      );
    }
  }
  doc.moveDown(0.5);
  row(['', 'Sum', `${d.lines.length} abonnement`, kr(d.netOre), kr(d.vatOre), kr(d.netOre + d.vatOre)], true);
  // BT-114: the øre between net + VAT on the total and the sum of the prices.
  if (d.roundingOre !== 0) row(['', 'Øreavrunding', '', '', '', kr(d.roundingOre)]);
  doc.moveDown(1);
  doc.font('bold').fontSize(11);
  doc.text(credit ? `Kreditert beløp: ${kr(d.totalOre)}` : `Å betale: ${kr(d.totalOre)}`, MARGIN, doc.y, {
    width,
    align: 'right',
  });
  if (!credit) {
    doc.font('regular').fontSize(9);
    doc.text(`Betal til konto ${account(s.bankAccount)} med KID ${d.kid} innen ${formatDateNb(d.dueDate)}.`, {
      width,
      align: 'right',
    });
  }
  doc.end();
  return done;
}
