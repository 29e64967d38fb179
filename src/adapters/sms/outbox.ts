import type { Logger, MessageTransport, OutgoingMessage } from '../../app/ports';

/**
 * The development and test transport: the message is already stored in the outbox table (readable
 * at GET /api/dev/outbox and on /dev/meldinger); delivering it only prints it to the console.
 */
export class OutboxTransport implements MessageTransport {
  /**
   * `development`: the outbox is then the recipients' phone and mailbox (it keeps the whole text,
   * codes and links included, for GET /api/dev/outbox) and prints it; never in production.
   */
  constructor(
    private readonly log?: Logger,
    private readonly development = false,
    private readonly printBodies = development,
  ) {}

  async deliver(message: OutgoingMessage): Promise<{ providerId?: string; keepSealed?: boolean }> {
    if (this.printBodies) {
      console.log(
        `\n[outbox] ${message.channel.toUpperCase()} to ${message.to}${message.subject ? ` — ${message.subject}` : ''}\n${message.body}\n`,
      );
    } else {
      this.log?.info({ channel: message.channel, id: message.id }, 'message stored in the outbox');
    }
    // In development the outbox is the recipient's phone and mailbox: it keeps the whole text.
    return { providerId: `outbox:${message.id}`, keepSealed: this.development };
  }
}
