/**
 * Where to go after signing in. Only same-origin paths are followed, so a crafted
 * `?redirect=https://elsewhere` link cannot send a freshly signed-in user off-site.
 */
export function safeRedirect(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string') return fallback;
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (target.startsWith('/sign-in')) return fallback;
  return target;
}
