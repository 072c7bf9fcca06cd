import { lookupEntry } from '../../lib/catalog/cards';
import { routeHash } from './route';

/** A link to a code's view (a deep link: the hash is the route). */
export function CodeLink({ code, withName = false }: { code: string; withName?: boolean }) {
  const entry = lookupEntry(code);
  return (
    <span class="code-link">
      <a href={routeHash({ view: 'code', code })} data-code-link={code}>
        {code}
      </a>
      {withName && entry ? <span class="link-name"> {entry.name}</span> : null}
      {entry?.deleted ? <span class="tag deleted"> deleted</span> : null}
    </span>
  );
}
