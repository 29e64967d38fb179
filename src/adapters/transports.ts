import type { Logger, MessageTransport, OutgoingMessage } from '../app/ports';
import type { Config } from '../config';
import { SmtpTransport } from './email/smtp';
import { HttpSmsTransport } from './sms/http';
import { OutboxTransport } from './sms/outbox';

/** Chooses the SMS and email transports from configuration; both default to the outbox. */
export function transportsFromConfig(config: Config, log: Logger): MessageTransport {
  const outbox = new OutboxTransport(log, config.isDev);
  const sms =
    config.SMS_TRANSPORT === 'http' && config.SMS_HTTP_URL
      ? new HttpSmsTransport(
          config.SMS_HTTP_URL,
          config.SMS_HTTP_TOKEN,
          config.SMS_SENDER,
          fetch,
          config.SMS_HTTP_TIMEOUT_SECONDS,
        )
      : outbox;
  const email =
    config.EMAIL_TRANSPORT === 'smtp' && config.SMTP_URL
      ? new SmtpTransport(config.SMTP_URL, config.EMAIL_FROM)
      : outbox;
  return {
    deliver: (message: OutgoingMessage) => (message.channel === 'sms' ? sms : email).deliver(message),
  };
}
