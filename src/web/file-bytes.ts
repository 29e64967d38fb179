/**
 * A chosen file's bytes as base64, for upload. The server decodes text files and detects their
 * encoding (UTF-8, UTF-16 with BOM, Windows-1252); the browser never decodes them (file.text()
 * would always read UTF-8 and garble Norwegian Excel's Windows-1252 files).
 */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
