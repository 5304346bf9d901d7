/**
 * Registers the service worker that vite-plugin-pwa generates (precache of the built app), so Baton opens with
 * no network after the first visit. Production builds only: in development a service worker would serve stale
 * modules over Vite's hot reload. workbox-window is loaded lazily, after the first render, off the start-up path.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void import('workbox-window')
    .then(({ Workbox }) => new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).register())
    .catch(() => {
      // No service worker (blocked by policy, private mode): the app still works online, nothing to tell the user.
    });
}
