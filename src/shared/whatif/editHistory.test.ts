import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, activeEdits, canRedo, canUndo, pushEdit, redo, removeEdit, undo } from './editHistory';
import type { Edit } from './edits';

const e = (n: number): Edit => ({ kind: 'compute.setPublicIp', computeId: `c${n}`, enabled: n % 2 === 0 });

describe('EditHistory', () => {
  it('undoes, redoes and drops the redo tail on a new edit', () => {
    let h = pushEdit(pushEdit(pushEdit(EMPTY_HISTORY, e(1)), e(2)), e(3));
    expect(activeEdits(h)).toEqual([e(1), e(2), e(3)]);
    h = undo(undo(h));
    expect(activeEdits(h)).toEqual([e(1)]);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(activeEdits(h)).toEqual([e(1), e(2)]);
    h = pushEdit(h, e(4));
    expect(h.edits).toEqual([e(1), e(2), e(4)]);
    expect(canRedo(h)).toBe(false);
    expect(undo(undo(undo(undo(h)))).cursor).toBe(0);
    expect(canUndo(EMPTY_HISTORY)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('removes one pending edit', () => {
    const h = removeEdit(pushEdit(pushEdit(EMPTY_HISTORY, e(1)), e(2)), 0);
    expect(h).toEqual({ edits: [e(2)], cursor: 1 });
  });
});
