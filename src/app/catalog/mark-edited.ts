import type { Tx } from '../../db/engine';
import { catalogMeta } from '../../db/schema';

/** Once the operator edits or imports the catalog it is no longer the shipped example (rule 1). */
export async function markCatalogEdited(tx: Tx, now: Date): Promise<void> {
  await tx
    .insert(catalogMeta)
    .values({ id: 1, isExample: false, updatedAt: now })
    .onConflictDoUpdate({ target: catalogMeta.id, set: { isExample: false, updatedAt: now } });
}
