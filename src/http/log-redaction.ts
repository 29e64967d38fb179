const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Order links, ticket links, invitations and reset links carry secret tokens in the path.
 * Logs keep the shape of the URL, never the token (nor the query string, which may hold a phone).
 */
export function redactUrl(url: string): string {
  const [path = ''] = url.split('?');
  return path
    .split('/')
    .map((segment) =>
      segment.length >= 20 && /^[A-Za-z0-9_-]+$/.test(segment) && !UUID.test(segment) ? '[token]' : segment,
    )
    .join('/');
}
