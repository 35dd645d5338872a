/** The error type every catalogue entry builds, and the helper that declares an entry. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const make =
  (code: string, status: number, message: string) =>
  (details: Record<string, unknown> = {}) =>
    new AppError(code, status, message, details);
