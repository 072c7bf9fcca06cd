import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route, routeHash } from './route';

/** The current route from the URL hash; navigating sets the hash, so Back and deep links work. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (parseRoute(location.hash).view === 'search' && next.view === 'search') return;
    location.hash = hash;
  }, []);
  return [route, navigate];
}
