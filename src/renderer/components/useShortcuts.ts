/** Keyboard: Ctrl/Cmd+K or '/' opens search, Escape closes it or clears the selection. */
import { useEffect } from 'react';
import { isTyping } from './isTyping';
import { useApp } from '../state/store';

/** Install the global shortcuts while mounted. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useApp.getState();
      if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        s.setSearchOpen(true);
      } else if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        s.setSearchOpen(true);
      } else if (e.key === 'Escape') {
        if (s.searchOpen) s.setSearchOpen(false);
        else s.select(undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
