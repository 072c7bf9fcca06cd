/**
 * What the lookup shows, kept in the URL hash so views are deep links:
 *   popup.html#D0370                 the code view of D0370
 *   popup.html#compare=D0370,D0386   two or three codes side by side
 *   popup.html (or #)                search
 */
export type Route = { view: 'search' } | { view: 'code'; code: string } | { view: 'compare'; codes: string[] };

const CODE = /^D\d{4}$/;
export const MAX_COMPARE = 3;

export function parseRoute(hash: string): Route {
  const h = decodeURIComponent(hash.replace(/^#/, '')).trim().toUpperCase();
  if (CODE.test(h)) return { view: 'code', code: h };
  if (h.startsWith('COMPARE=')) {
    const codes = [...new Set(h.slice(8).split(/[\s,]+/).filter((c) => CODE.test(c)))].slice(0, MAX_COMPARE);
    if (codes.length) return { view: 'compare', codes };
  }
  return { view: 'search' };
}

export function routeHash(route: Route): string {
  if (route.view === 'code') return `#${route.code}`;
  if (route.view === 'compare') return `#compare=${route.codes.join(',')}`;
  return '#';
}
