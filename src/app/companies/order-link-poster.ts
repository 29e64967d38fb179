import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { pdfText, registerPdfFonts } from '../../adapters/pdf/fonts';
import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import { type AppContext, assertFullAdmin, type CompanyAdminActor } from '../context';
import { orderLinkOf } from './order-link';

/** Rule 3: a printable A4 poster with a QR code for the company's order link. */
export async function orderLinkPoster(ctx: AppContext, input: { actor: CompanyAdminActor }): Promise<Buffer> {
  assertFullAdmin(input.actor);
  const company = await findCompany(ctx.db, input.actor.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  const { url } = orderLinkOf(ctx, company);
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 900 });
  return renderPoster({ companyName: company.name, url, qr });
}

function renderPoster(p: { companyName: string; url: string; qr: Buffer }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Bedriftsbillett – ${p.companyName}`, Author: p.companyName },
  });
  registerPdfFonts(doc);
  const name = (font: 'regular' | 'bold') => pdfText(p.companyName, font);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  doc.font('bold').fontSize(30).text('Bedriftsbillett', { align: 'center', width });
  doc.moveDown(0.3).fontSize(20).text(name('bold'), { align: 'center', width });
  doc
    .moveDown(1)
    .font('regular')
    .fontSize(14)
    .text(
      `${name('regular')} tilbyr deg månedsbillett for buss til jobben. Skann koden med mobilkameraet ` +
        'og bestill med mobilnummeret ditt. Billetten kommer på SMS.',
      { align: 'center', width },
    );
  const size = 300;
  const y = doc.y + 24;
  doc.image(p.qr, (doc.page.width - size) / 2, y, { width: size, height: size });
  doc.y = y + size + 24;
  doc.fontSize(11).text('Eller åpne lenken:', { align: 'center', width });
  doc
    .moveDown(0.3)
    .font('mono')
    .fontSize(10)
    .text(pdfText(p.url, 'mono'), { align: 'center', width, link: p.url });
  doc.end();
  return done;
}
