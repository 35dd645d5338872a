/**
 * Strings in binary order: SQLite's default, and PostgreSQL's under the C collation (a database
 * created with a language collation ordered these names by case and accent rules instead). Lists
 * now named through batch reads (an engagement's team, a session's attendees, a report's
 * recipients) sort in code with it, as environment-matrix.ts already sorts accounts.
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
