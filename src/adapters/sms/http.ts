import type { MessageTransport, OutgoingMessage } from '../../app/ports';

/**
 * A generic HTTP SMS gateway: POST JSON { to, from, text, reference } with a bearer token.
 * The reference is our message id, so a gateway that deduplicates by it never sends twice.
 */
export class HttpSmsTransport implements MessageTransport {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async deliver(message: OutgoingMessage): Promise<{ providerId?: string }> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        'idempotency-key': message.id,
      },
      body: JSON.stringify({ to: message.to, from: this.sender, text: message.body, reference: message.id }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as { id?: string };
    return { providerId: body.id };
  }
}
