/**
 * Merges Service Tag Discovery API answers of several regions into the one document a snapshot
 * stores: tags deduplicated by name (first answer wins), the highest change number, the first cloud.
 */
import type { ServiceTagsDocument } from '../../shared/model/snapshotFile';

/** Merge answers; undefined when there is none. */
export function mergeServiceTags(docs: readonly ServiceTagsDocument[]): ServiceTagsDocument | undefined {
  if (docs.length === 0) return undefined;
  const byName = new Map<string, ServiceTagsDocument['values'][number]>();
  let changeNumber: number | undefined;
  let cloud: string | undefined;
  for (const doc of docs) {
    cloud ??= doc.cloud;
    if (typeof doc.changeNumber === 'number') changeNumber = Math.max(changeNumber ?? doc.changeNumber, doc.changeNumber);
    for (const tag of doc.values) {
      const key = tag.name.toLowerCase();
      if (!byName.has(key)) byName.set(key, tag);
    }
  }
  return {
    ...(changeNumber !== undefined ? { changeNumber } : {}),
    ...(cloud !== undefined ? { cloud } : {}),
    values: [...byName.values()],
  };
}
