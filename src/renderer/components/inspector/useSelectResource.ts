/** "Select the resource at fault": find the node standing for an ARM id, expand around it, center it. */
import { useCallback } from 'react';
import { resolveNodeId } from '../../graph/resolveNode';
import { vnetAncestors } from '../../graph/search';
import type { LoadedEstate } from '../../state/loadEstate';
import { useApp } from '../../state/store';

/** A function that reveals `armId`; returns false when nothing in the picture stands for it. */
export function useSelectResource(estate: LoadedEstate): (armId: string | undefined) => boolean {
  return useCallback((armId) => {
    const id = resolveNodeId(estate.snapshot, estate.tree, armId);
    if (!id) return false;
    useApp.getState().reveal(id, vnetAncestors(estate.tree, id));
    return true;
  }, [estate]);
}
