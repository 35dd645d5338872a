/** The presales module's collateral tables (issue 16); merged into `Database` through ../tables.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CollateralTables {}
