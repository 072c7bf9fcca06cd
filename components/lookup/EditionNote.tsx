import type { LookupEntry } from '../../lib/catalog/lookup';
import { CodeLink } from './CodeLink';

/** The CDT edition a code belongs to, and for a deleted code what to use instead. */
export function EditionNote({ entry }: { entry: Pick<LookupEntry, 'code' | 'added' | 'deleted' | 'replacedBy'> }) {
  const since = entry.added ? `Added in CDT ${entry.added}` : 'In CDT since before 2020';
  if (!entry.deleted) return <p class="edition">{since}; current.</p>;
  return (
    <div class="edition deleted" role="note">
      <p>
        <strong>Deleted in CDT {entry.deleted}</strong>: not valid for dates of service from 1 January{' '}
        {entry.deleted}. {since}.
      </p>
      {entry.replacedBy.length ? (
        <p>
          Use instead:{' '}
          {entry.replacedBy.map((c, i) => (
            <span key={c}>
              {i ? ', ' : ''}
              <CodeLink code={c} withName />
            </span>
          ))}
        </p>
      ) : (
        <p>No direct replacement.</p>
      )}
    </div>
  );
}
