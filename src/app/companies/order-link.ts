import type { AppContext } from '../context';
import { orderTokenOf } from './order-token';

/**
 * The public order URL of a company (rule 3), and the two ways to embed it on the company's pages.
 * The token comes from its sealed copy (orderTokenOf; 409 ORDER_LINK_UNREADABLE after a change of
 * SESSION_SECRET).
 */
export function orderLinkOf(ctx: AppContext, company: { name: string; orderTokenSealed: string }) {
  const url = `${ctx.config.publicUrl}/bestill/${orderTokenOf(ctx.config, company)}`;
  const title = `Bestill bedriftsbillett – ${escapeHtml(company.name)}`;
  return {
    url,
    embedSnippet: `<iframe src="${url}" title="${title}" width="100%" height="900" style="border:0;max-width:40rem" loading="lazy"></iframe>`,
    scriptSnippet: `<script src="${ctx.config.publicUrl}/api/widget.js" data-order-link="${url}" data-title="${title}" async></script>`,
  };
}

export type OrderLinkDto = ReturnType<typeof orderLinkOf>;

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The script behind scriptSnippet: replaces its own <script> tag with the order page in an iframe.
 * Served at /api/widget.js; it reads only its own data attributes.
 */
export const WIDGET_SCRIPT = `(function () {
  var s = document.currentScript;
  if (!s) return;
  var url = s.getAttribute('data-order-link');
  if (!url || !/^https?:\\/\\/[^\\s]+\\/bestill\\/[A-Za-z0-9_-]+$/.test(url)) return;
  var f = document.createElement('iframe');
  f.src = url;
  f.title = s.getAttribute('data-title') || 'Bestill bedriftsbillett';
  f.width = '100%';
  f.height = s.getAttribute('data-height') || '900';
  f.style.border = '0';
  f.style.maxWidth = '40rem';
  f.loading = 'lazy';
  s.parentNode.insertBefore(f, s);
})();
`;
