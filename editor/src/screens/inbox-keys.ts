// The inbox's keyboard: a single key pressed outside a field and a dialog, with no modifier.
import { useEffect } from 'react';

/** A single key pressed outside a field, with no modifier: the inbox's shortcuts. */
export function useInboxKeys(keys: Record<string, (() => void) | undefined>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      const run = keys[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}
