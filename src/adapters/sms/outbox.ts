import type { Logger, MessageTransport, OutgoingMessage } from '../../app/ports';

/**
 * The development and test transport: the message is already stored in the outbox table (readable
 * at GET /api/dev/outbox and on /dev/meldinger); delivering it only prints it to the console.
 */
export class OutboxTransport implements MessageTransport {
  /** Bodies (with codes and links) are printed only in development, never in production logs. */
  constructor(
    private readonly log?: Logger,
    private readonly printBodies = false,
  ) {}

  async deliver(message: OutgoingMessage): Promise<{ providerId?: string }> {
    if (this.printBodies) {
      console.log(
        `\n[outbox] ${message.channel.toUpperCase()} to ${message.to}${message.subject ? ` — ${message.subject}` : ''}\n${message.body}\n`,
      );
    } else {
      this.log?.info({ channel: message.channel, id: message.id }, 'message stored in the outbox');
    }
    return { providerId: `outbox:${message.id}` };
  }
}
