/** Customer environments, releases and upgrade campaigns (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EnvironmentTables {}
