import type { Logger, MessageTransport, OutgoingMessage } from '../../app/ports';

/**
 * The development and test transport: the message is already stored in the outbox table (readable
 * at GET /api/dev/outbox and on /dev/meldinger); delivering it only prints it to the console.
 */
export class OutboxTransport implements MessageTransport {
  constructor(private readonly log?: Logger) {}

  async deliver(message: OutgoingMessage): Promise<{ providerId?: string }> {
    this.log?.info(
      { channel: message.channel, to: message.to, subject: message.subject, body: message.body },
      `[outbox] ${message.channel.toUpperCase()} to ${message.to}`,
    );
    return { providerId: `outbox:${message.id}` };
  }
}
