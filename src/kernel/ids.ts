import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs (v7): unguessable for the portal, and they keep B-tree inserts local. */
export function newId(): string {
  return uuidv7();
}
