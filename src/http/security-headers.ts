import type { FastifyInstance, FastifyRequest } from 'fastify';
import { widgetOriginsFor } from '../app/companies/widget-origins';
import type { AppContext } from '../app/context';

/** The order page (`/bestill/{token}`), the one page another site may frame, when the company allows it. */
const ORDER_PAGE = /^\/bestill\/([A-Za-z0-9_-]{1,200})\/?$/;

function orderPageToken(request: FastifyRequest): string | null {
  if (request.method !== 'GET') return null;
  return ORDER_PAGE.exec(request.url.split('?')[0] ?? '')?.[1] ?? null;
}

/**
 * Issue 12.8, headers decided per response (helmet sets the fixed ones: `frame-ancestors 'none'`,
 * `Referrer-Policy: no-referrer` everywhere):
 * - `Cache-Control: no-store` on every API answer and every download, unless an API route asked
 *   for a public cache and no session is present (the public key set, the widget script);
 * - the order page's `frame-ancestors` lists the origins its company allows (else stays 'none').
 */
export function registerSecurityHeaders(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const isApi = request.url.startsWith('/api/');
    const publicCache = !request.session && /^public\b/.test(String(reply.getHeader('cache-control') ?? ''));
    if (reply.hasHeader('content-disposition') || (isApi && !publicCache)) {
      reply.header('cache-control', 'no-store');
    }
    const orderToken = orderPageToken(request);
    if (orderToken) {
      const origins = await widgetOriginsFor(ctx, { orderToken });
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      if (origins.length > 0 && csp) {
        reply.header(
          'content-security-policy',
          csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${origins.join(' ')}`),
        );
      }
    }
    return payload;
  });
}
