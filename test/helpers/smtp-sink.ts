import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/** A mail server on loopback that keeps what it receives, and can refuse the next few mails. */
export interface SmtpSink {
  port: number;
  messages: ParsedMail[];
  /** Answer the next `count` mails with a temporary failure (451). */
  rejectNext(count: number): void;
  /** A nodemailer transport that sends to this sink. */
  transport(): nodemailer.Transporter;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let rejections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejections > 0) {
          rejections--;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            messages.push(mail);
            callback(null);
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const transports: nodemailer.Transporter[] = [];
  return {
    port,
    messages,
    rejectNext: (count) => {
      rejections = count;
    },
    transport: () => {
      const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      transports.push(t);
      return t;
    },
    close: async () => {
      for (const t of transports) t.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
