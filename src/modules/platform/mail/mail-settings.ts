/** The e-mail channel's settings, read from the environment (see README, "E-mail"). */
export interface MailSettings {
  /** Outbound relay, e.g. `smtp://127.0.0.1:2525`; null keeps mail queued. */
  smtpUrl: string | null;
  /** The From of every outbound mail, e.g. `"Outpost Support <support@outpost.local>"`. */
  from: string;
  /** The built-in SMTP listener's port; null (the default) leaves it off. */
  listenPort: number | null;
  listenHost: string;
  /** The largest raw message the listener and the HTTP intake accept. */
  maxMessageBytes: number;
  /**
   * The most bytes of files one outbound mail may carry: 10 MiB unless
   * OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES says otherwise. Base64 grows a file by a third, and many
   * relays and mailboxes refuse messages over 20–25 MB.
   */
  maxAttachmentBytes: number;
}

export const DEFAULT_MAIL_FROM = 'Outpost Support <support@outpost.local>';
const MIB = 1024 * 1024;

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const port = env.OUTPOST_SMTP_LISTEN_PORT ? Number(env.OUTPOST_SMTP_LISTEN_PORT) : null;
  return {
    smtpUrl: env.OUTPOST_SMTP_URL || null,
    from: env.OUTPOST_MAIL_FROM || DEFAULT_MAIL_FROM,
    listenPort: port !== null && Number.isInteger(port) && port >= 0 ? port : null,
    listenHost: env.OUTPOST_SMTP_LISTEN_HOST || '127.0.0.1',
    maxMessageBytes: Number(env.OUTPOST_MAX_EMAIL_BYTES) > 0 ? Number(env.OUTPOST_MAX_EMAIL_BYTES) : 25 * MIB,
    maxAttachmentBytes:
      Number(env.OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES) > 0 ? Math.floor(Number(env.OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES)) : 10 * MIB,
  };
}

/** The bare address of a From such as `"Outpost Support <support@outpost.local>"`. */
export function addressOf(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}
