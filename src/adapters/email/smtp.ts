import nodemailer from 'nodemailer';
import type { MessageTransport, OutgoingMessage } from '../../app/ports';

/** Email over SMTP (nodemailer). The Message-ID is derived from our id, so a resend is recognisable. */
export class SmtpTransport implements MessageTransport {
  private readonly transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async deliver(message: OutgoingMessage): Promise<{ providerId?: string }> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.id}@bedriftsbillett>`,
    });
    return { providerId: info.messageId };
  }
}
