/** Ports to the outside. Adapters in src/adapters implement them; tests use the local defaults. */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface OutgoingMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject: string;
  body: string;
}

/**
 * Delivers one message. Throws on a failure worth retrying; returns the provider's id if any.
 * `keepSealed`: the transport is the development outbox (the simulated phone), which keeps the
 * whole text readable at GET /api/dev/outbox; every real transport leaves it out.
 */
export interface MessageTransport {
  deliver(message: OutgoingMessage): Promise<{ providerId?: string; keepSealed?: boolean }>;
}
