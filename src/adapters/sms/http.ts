import type { MessageTransport, OutgoingMessage } from '../../app/ports';

/**
 * A generic HTTP SMS gateway: POST JSON { to, from, text, reference } with a bearer token.
 * The reference is our message id, so a gateway that deduplicates by it never sends twice.
 * One request may take `timeoutSeconds`; a gateway that refuses, does not answer in time or
 * answers with an error fails the delivery with a reason an operator can read (the queue retries).
 */
export class HttpSmsTransport implements MessageTransport {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutSeconds = 10,
  ) {}

  async deliver(message: OutgoingMessage): Promise<{ providerId?: string }> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          'idempotency-key': message.id,
        },
        body: JSON.stringify({
          to: message.to,
          from: this.sender,
          text: message.body,
          reference: message.id,
        }),
        signal: AbortSignal.timeout(this.timeoutSeconds * 1000),
      });
    } catch (error) {
      throw new Error(gatewayFault(error, this.timeoutSeconds));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`SMS gateway answered ${response.status}`);
    }
    const body = (await response.json().catch(() => ({}))) as { id?: string };
    return { providerId: body.id };
  }
}

/** Why a request to the gateway got no answer: a timeout, or the network's error code. */
function gatewayFault(error: unknown, timeoutSeconds: number): string {
  const e = error as { name?: string; cause?: { code?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError')
    return `SMS gateway did not answer within ${timeoutSeconds} s`;
  const code = e?.cause?.code;
  return `SMS gateway unreachable${code ? ` (${code})` : ''}`;
}
