import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  help: () => void;
  focusSearch: () => void;
  toggleTheme: () => void;
  go: (key: string) => void;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Single-key and "g then key" shortcuts (GitHub/Gmail style); off while typing or a dialog is open. */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const h = ref.current;
      if (pendingG && Date.now() - pendingG < 1500) {
        pendingG = 0;
        e.preventDefault();
        h.go(e.key.toLowerCase());
        return;
      }
      pendingG = 0;
      switch (e.key) {
        case '?':
          e.preventDefault();
          h.help();
          break;
        case '/':
          e.preventDefault();
          h.focusSearch();
          break;
        case 't':
          h.toggleTheme();
          break;
        case 'g':
          pendingG = Date.now();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
