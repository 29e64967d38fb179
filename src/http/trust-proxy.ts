import type { TrustProxy } from '../config';

/**
 * TRUST_PROXY → Fastify's `trustProxy`, which decides `request.ip`, the address every rate limit
 * and log line uses. A hop count n trusts the n nearest hops whoever they are (Express's meaning;
 * Fastify itself ignores a bare number), so use it only when every request passes n proxies.
 */
export function trustProxyOption(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') {
    const hops = setting;
    return (_address, hop) => hop < hops;
  }
  return setting;
}
