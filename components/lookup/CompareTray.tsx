import { MAX_COMPARE } from './route';

export interface CompareTrayProps {
  codes: readonly string[];
  onRemove(code: string): void;
  onClear(): void;
  onCompare(): void;
}

/** The codes picked for comparison (from results or a code view), with the button that compares them. */
export function CompareTray({ codes, onRemove, onClear, onCompare }: CompareTrayProps) {
  if (!codes.length) return null;
  return (
    <section class="tray" aria-label="Compare tray">
      <span class="tray-label">
        Compare ({codes.length}/{MAX_COMPARE}):
      </span>
      <ul class="chips">
        {codes.map((c) => (
          <li key={c} class="chip" data-tray-code={c}>
            {c}
            <button type="button" class="chip-x" aria-label={`Remove ${c} from compare`} onClick={() => onRemove(c)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <span class="tray-actions">
        <button type="button" class="primary" disabled={codes.length < 2} onClick={onCompare}>
          Compare
        </button>
        <button type="button" class="linklike" onClick={onClear}>
          Clear
        </button>
      </span>
    </section>
  );
}
