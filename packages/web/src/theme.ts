import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'apotheca.theme';
const listeners = new Set<() => void>();

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** An explicit choice (toggle) wins over the operating system preference and is remembered. */
export function currentTheme(): Theme {
  const saved = localStorage.getItem(KEY);
  return saved === 'dark' || saved === 'light' ? saved : systemTheme();
}

export function applyTheme(): void {
  document.documentElement.dataset.theme = currentTheme();
}

export function setTheme(t: Theme): void {
  localStorage.setItem(KEY, t);
  applyTheme();
  for (const fn of listeners) fn();
}

export const toggleTheme = (): void => setTheme(currentTheme() === 'dark' ? 'light' : 'dark');

export function watchSystemTheme(): void {
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    applyTheme();
    for (const fn of listeners) fn();
  });
}

export function useTheme(): Theme {
  return useSyncExternalStore((fn) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  }, currentTheme);
}
