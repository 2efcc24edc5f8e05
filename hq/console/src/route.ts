import { useSyncExternalStore } from 'react';

/** Hash routes (`#/site/<id>/devices`): a page is linkable and the browser's back button works. */
const current = () => window.location.hash.replace(/^#\/?/, '');

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): { path: string; parts: string[] } {
  const path = useSyncExternalStore(subscribe, current);
  return { path, parts: path.split('/').filter(Boolean).map(decodeURIComponent) };
}

export function navigate(...parts: string[]): void {
  window.location.hash = `#/${parts.map(encodeURIComponent).join('/')}`;
}
