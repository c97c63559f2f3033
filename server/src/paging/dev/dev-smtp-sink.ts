import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DevOutboxEntry } from './dev-outbox';

/**
 * A real SMTP server on 127.0.0.1 (random port) that accepts every message and hands it,
 * parsed, to `record`: what e-mail pages go to in development when no SMTP_URL is set.
 */
export async function startDevSmtpSink(
  record: (entry: DevOutboxEntry) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          record({
            at: new Date().toISOString(),
            channel: 'email',
            to: session.envelope.rcptTo.map((r) => r.address).join(', '),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            reference: mail.messageId ?? null,
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
