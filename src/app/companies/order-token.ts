import { sealer } from '../../adapters/sealed';
import { randomToken, sha256 } from '../../adapters/tokens';
import { AppError } from '../../domain/errors';

/**
 * Order-link tokens at rest (issue 12 item 9, OWASP ASVS 5.0 V7.2): the database keeps the
 * SHA-256 of the token, which is how a link is found, and a sealed copy (AES-256-GCM, key from
 * SESSION_SECRET, purpose "order-link") so the company's admins can be shown their link again. A
 * copy of the database alone opens no order page.
 */

/** The columns of a new token, and the token itself for the caller to show once. */
export function newOrderToken(config: { SESSION_SECRET: string }): {
  token: string;
  orderTokenHash: string;
  orderTokenSealed: string;
} {
  const token = randomToken();
  return {
    token,
    orderTokenHash: orderTokenHash(token),
    orderTokenSealed: sealer(config.SESSION_SECRET, 'order-link').seal(token),
  };
}

/** The two stored columns of a new token. */
export function storedColumns(t: ReturnType<typeof newOrderToken>): {
  orderTokenHash: string;
  orderTokenSealed: string;
} {
  return { orderTokenHash: t.orderTokenHash, orderTokenSealed: t.orderTokenSealed };
}

/** The stored lookup key of a token (hex SHA-256). */
export function orderTokenHash(token: string): string {
  return sha256(token);
}

/**
 * The token of a company's order link, opened from its sealed copy. Throws ORDER_LINK_UNREADABLE
 * (409) when it was sealed under another SESSION_SECRET: the admin then makes a new link.
 */
export function orderTokenOf(
  config: { SESSION_SECRET: string },
  company: { orderTokenSealed: string },
): string {
  const token = sealer(config.SESSION_SECRET, 'order-link').open(company.orderTokenSealed);
  if (token === null) throw new AppError('ORDER_LINK_UNREADABLE');
  return token;
}
