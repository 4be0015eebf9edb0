import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailMessage, MailTransport } from '#application';
import type { PlatformConfig } from './config.js';

/** The Message-ID a notification's e-mail carries: the same on a resend, so a mail server or a reader can tell. */
const messageIdOf = (id: string): string => `<${id}@notifications.npa>`;

/**
 * Where notification e-mail goes (nodemailer): the mail server at SMTP_URL, or without it `.eml` files in
 * DATA_DIR/outbox, named by the notification (a resend writes the same file again), so the embedded default shows them.
 */
export function openMailTransport(config: PlatformConfig): MailTransport & { readonly kind: 'smtp' | 'outbox'; close(): void } {
  const envelope = (message: MailMessage) => ({
    from: config.mail.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: messageIdOf(message.id),
  });
  if (config.mail.smtpUrl) {
    const smtp = nodemailer.createTransport(config.mail.smtpUrl);
    return {
      kind: 'smtp',
      async send(message) {
        const info = await smtp.sendMail(envelope(message));
        return { messageId: info.messageId };
      },
      close: () => smtp.close(),
    };
  }
  const outbox = join(config.dataDir, 'outbox');
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(message) {
      const info = await stream.sendMail(envelope(message));
      mkdirSync(outbox, { recursive: true });
      const file = join(outbox, `${message.id}.eml`);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
      return { messageId: info.messageId };
    },
    close: () => stream.close(),
  };
}
