import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../kernel/errors.js';
import type { AttachmentSettings } from '../attachments/storage.js';
import { ingestEmail } from './inbound.js';

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with a status code: smtp-server sends `err.responseCode` to the client. */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The built-in SMTP listener: every mail it accepts goes through `ingestEmail`. A mail that can
 * never be read (a header block over the parser's limit, no From) is refused for good with 552 or
 * 554; one that could not be stored gets a temporary failure (451), so the sending relay keeps it
 * and tries again — no mail is lost to a passing database error. Plain SMTP without
 * authentication: bind it to loopback (the default) or a private network behind the relay that
 * receives from the internet.
 */
export async function startSmtpListener(
  db: Kysely<Database>,
  options: { port: number; host: string; maxMessageBytes: number; ownAddress?: string; attachments?: AttachmentSettings; log?: Log },
): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: 'outpost',
    banner: 'Outpost support desk',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxMessageBytes,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(`Message exceeds the ${options.maxMessageBytes} byte limit`, 552));
        ingestEmail(db, Buffer.concat(chunks), {
          ...(options.ownAddress ? { ownAddress: options.ownAddress } : {}),
          ...(options.attachments ? { attachments: options.attachments } : {}),
          ...(options.log ? { log: options.log } : {}),
        }).then(
          (result) => {
            options.log?.info(
              { result, from: session.envelope.mailFrom && session.envelope.mailFrom.address },
              'inbound e-mail received over SMTP',
            );
            callback(null);
          },
          (err: unknown) => {
            // A mail that can never be read is refused for good (552 when it is too big to read,
            // else 554); only anything else — a database that is away — is worth a retry.
            if (err instanceof AppError && err.statusCode < 500)
              return callback(smtpError(err.message, err.statusCode === 413 ? 552 : 554));
            options.log?.error({ err }, 'inbound e-mail could not be stored');
            callback(smtpError('Could not store the message now; try again later', 451));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => options.log?.error({ err }, 'SMTP listener error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
