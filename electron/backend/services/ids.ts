import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDv7 keys: index-friendly, and stable across exports. */
export function newId(): string {
  return uuidv7();
}
