import type { FastifyReply } from 'fastify';

/** A file a use case made for the browser to save or show. */
export type DownloadFile = { contentType: string; filename: string; body: string | Buffer | Uint8Array };

/**
 * Sends a file with its type and a Content-Disposition naming it; `inline` shows it in the browser
 * (a PDF poster) instead of saving it. The name is reduced to letters, digits, `.`, `-` and `_`.
 */
export function sendDownload(
  reply: FastifyReply,
  file: DownloadFile,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
    .send(file.body);
}
