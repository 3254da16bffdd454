/** Ctrl/Cmd+Z undoes the last what-if edit, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes it; not while typing in a field. */
import { useEffect } from 'react';
import { isTyping } from '../components/isTyping';
import { redoEdit, undoEdit } from './whatifStore';

/** Install while mounted. */
export function useWhatIfShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); undoEdit(); }
      else if ((k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey)) { e.preventDefault(); redoEdit(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
