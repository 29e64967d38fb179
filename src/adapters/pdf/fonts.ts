import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const TTF_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The fonts every PDF of the product embeds (DejaVu, from the npm package dejavu-fonts-ttf):
 * Latin with Extended-A/B (Polish, Czech, Lithuanian, Sami: Čč Đđ Ŋŋ Šš Ŧŧ Žž), Greek and
 * Cyrillic. pdfkit's built-in Helvetica covers Windows-1252 only and garbles the rest.
 */
export const PDF_FONTS = {
  regular: path.join(TTF_DIR, 'DejaVuSans.ttf'),
  bold: path.join(TTF_DIR, 'DejaVuSans-Bold.ttf'),
  mono: path.join(TTF_DIR, 'DejaVuSansMono.ttf'),
} as const;
export type PdfFont = keyof typeof PDF_FONTS;

/** Shown for a character no font has a glyph for: visible, never mojibake or an empty box. */
export const MISSING_GLYPH = '\uFFFD';

const loaded = new Map<PdfFont, fontkit.Font>();
function font(name: PdfFont): fontkit.Font {
  let f = loaded.get(name);
  if (!f) {
    f = fontkit.openSync(PDF_FONTS[name]) as fontkit.Font;
    loaded.set(name, f);
  }
  return f;
}

/**
 * Text as the PDF will draw it in `fontName`: NFC (so "s" + combining caron is the one glyph "š"),
 * control characters dropped, and every character the font has no glyph for replaced by U+FFFD.
 */
export function pdfText(text: string, fontName: PdfFont = 'regular'): string {
  const f = font(fontName);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 && ch !== '\n') continue;
    if ((cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    out += ch === '\n' || f.hasGlyphForCodePoint(cp) ? ch : MISSING_GLYPH;
  }
  return out;
}

/** Registers the fonts on a pdfkit document under their names ('regular', 'bold', 'mono'). */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);
}
