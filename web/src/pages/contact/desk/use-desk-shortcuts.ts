/**
 * Keyboard shortcuts of the desk, for the common paths of a call without the mouse. Alt+letter
 * keys do not collide with the browser's own (Ctrl+K, Ctrl+W …) or with typing Chinese.
 */
import { useEffect, useRef } from 'react';

export const DESK_SHORTCUTS = [
  { keys: 'Alt+1', what: 'contact.desk.key.ready' },
  { keys: 'Alt+2', what: 'contact.desk.key.notReady' },
  { keys: 'Alt+C', what: 'contact.desk.key.customer' },
  { keys: 'Alt+K', what: 'contact.desk.key.knowledge' },
  { keys: 'Alt+O', what: 'contact.desk.key.order' },
  { keys: 'Alt+W', what: 'contact.desk.key.wrapUp' },
  { keys: 'Ctrl+Enter', what: 'contact.desk.key.submit' },
] as const;

export interface DeskKeyActions {
  ready: () => void;
  notReady: () => void;
  customer: () => void;
  knowledge: () => void;
  order: () => void;
  wrapUp: () => void;
}

const BY_CODE: Record<string, keyof DeskKeyActions> = {
  Digit1: 'ready',
  Digit2: 'notReady',
  KeyC: 'customer',
  KeyK: 'knowledge',
  KeyO: 'order',
  KeyW: 'wrapUp',
};

export function useDeskShortcuts(actions: DeskKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      // By physical key: Alt+letter gives other characters on some layouts (macOS).
      const action = BY_CODE[e.code];
      if (!action) return;
      e.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Focuses the first input inside the element with this test id (antd inputs nest theirs). */
export function focusIn(testId: string): void {
  const root = document.querySelector(`[data-testid="${testId}"]`);
  const input = root?.matches('input, textarea')
    ? (root as HTMLInputElement)
    : root?.querySelector<HTMLInputElement>('input, textarea');
  input?.focus();
}
