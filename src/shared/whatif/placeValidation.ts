/** Checks shared by every edit that creates a top-level resource. */
import type { EditError, NewResourcePlace } from './edits';
import type { SnapshotDraft } from './snapshotDraft';
import type { Collection } from './snapshotDraft';
import { newResourceId } from './ids';

/** Azure resource names: 1–80 chars, alphanumeric first, alphanumeric or `_` last, `_ . -` inside. */
export function isValidResourceName(name: string): boolean {
  return name.length >= 1 && name.length <= 80 && /^[A-Za-z0-9](?:[\w.-]*\w)?$/.test(name);
}

/** Problems with where a new resource goes, or a name already taken in that collection. */
export function validatePlace(
  draft: SnapshotDraft, place: NewResourcePlace, collection: Collection, type: string,
): EditError | undefined {
  if (!/^[0-9a-fA-F-]{36}$/.test(place.subscriptionId)) return { field: 'place.subscriptionId', message: `"${place.subscriptionId}" is not a subscription id (a GUID).` };
  if (!/^[-\w.()]{1,90}$/.test(place.resourceGroup) || place.resourceGroup.endsWith('.')) return { field: 'place.resourceGroup', message: `"${place.resourceGroup}" is not a valid resource group name.` };
  if (!isValidResourceName(place.name)) return { field: 'place.name', message: `"${place.name}" is not a valid resource name (1–80 letters, digits, _ . -, starting with a letter or digit).` };
  if (!/^[a-z0-9]+$/i.test(place.location)) return { field: 'place.location', message: `"${place.location}" is not a region name such as westeurope.` };
  if (draft.get(collection, newResourceId(place, type))) return { field: 'place.name', message: `${type.split('/').pop()} "${place.name}" already exists in resource group ${place.resourceGroup}.` };
  return undefined;
}
