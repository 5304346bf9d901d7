/** Resolves the theme setting (light, dark, system) to the theme to draw, following the OS when "system". */
import { useSyncExternalStore } from 'react';
import { useEditorStore } from './editor-context.tsx';

const query = '(prefers-color-scheme: dark)';
const subscribe = (cb: () => void): (() => void) => {
  const mq = window.matchMedia(query);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
const prefersDark = (): boolean => window.matchMedia(query).matches;

export function useThemeClass(): 'light' | 'dark' {
  const theme = useEditorStore((s) => s.ui.theme);
  const dark = useSyncExternalStore(subscribe, prefersDark, () => false);
  if (theme === 'system') return dark ? 'dark' : 'light';
  return theme;
}
