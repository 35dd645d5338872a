/** Status reports, POC criteria, training sessions and field visits (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeliveryRecordTables {}
