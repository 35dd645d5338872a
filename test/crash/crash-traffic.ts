import http from 'node:http';
import nodemailer from 'nodemailer';

const REQUEST_TIMEOUT_MS = 15_000;

/** What came back: an answer with its status, or nothing at all (the connection died first). */
export type Answer =
  { answered: true; status: number; body: string; headers: http.IncomingHttpHeaders } | { answered: false; error: string };

/**
 * One POST on its own connection (no keep-alive), so a connection to a killed server is never
 * reused for the next one, and a request either gets its whole answer or none.
 */
export function post(url: string, headers: Record<string, string>, body: string | Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ answered: true, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
      );
      res.on('error', (err) => resolve({ answered: false, error: err.message }));
      res.on('aborted', () => resolve({ answered: false, error: 'response aborted' }));
    });
    req.on('error', (err) => resolve({ answered: false, error: err.message }));
    req.end(body);
  });
}

/** An SMTP delivery: 250 (accepted), a refusal with its code, or no answer. */
export type SmtpAnswer = { answered: true; code: number } | { answered: false; error: string };

/** Hands one raw message to an SMTP listener on loopback, on its own connection. */
export async function sendOverSmtp(port: number, from: string, raw: string): Promise<SmtpAnswer> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: REQUEST_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ envelope: { from, to: 'support@outpost.local' }, raw });
    const code = Number(/^\d{3}/.exec(String(info.response))?.[0] ?? 0);
    return { answered: true, code };
  } catch (err) {
    const { responseCode, message } = err as { responseCode?: number; message?: string };
    return responseCode ? { answered: true, code: responseCode } : { answered: false, error: message ?? String(err) };
  } finally {
    transport.close();
  }
}

/** A plain customer mail (no auto-reply headers, clean ASCII), with the given Message-ID. */
export function customerMail(from: string, messageId: string, subject: string): string {
  return [
    `From: Crash Requester <${from}>`,
    'To: support@outpost.local',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Our nightly export stopped again (${subject}).`,
    '',
  ].join('\r\n');
}
