/**
 * A web origin as a company types it for its widget (`https://www.bedrift.no`), normalised to the
 * URL standard's serialisation (lower-case host, default port dropped), or null when it is not a
 * bare origin: a path, query, fragment, user info or wildcard is refused. `https:` only, except
 * `http:` on localhost/loopback for a company's own testing. Used in a CSP `frame-ancestors`
 * list, so the result never holds a space, `;` or `,`.
 */
export function normaliseOrigin(input: string): string | null {
  const trimmed = input.trim().replace(/\/$/, '');
  if (!/^https?:\/\/[^/?#@\s*]+$/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  // Host names (IDNs arrive as punycode) and bracketed IPv6 only: nothing that could end a CSP source.
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return null;
  return url.origin;
}
