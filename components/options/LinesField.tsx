import { useState } from 'preact/hooks';

export const toLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface Props {
  id: string;
  value: readonly string[];
  onChange(lines: string[]): void;
  rows?: number;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A textarea holding a list, one item per line. It keeps the user's raw text (blank lines, a line being typed)
 * and only takes the list from outside when that list really changed (a reset, a bulk change).
 */
export function LinesField({ id, value, onChange, rows = 2, disabled, describedBy, invalid }: Props) {
  const [text, setText] = useState(value.join('\n'));
  if (toLines(text).join('\n') !== value.join('\n')) setText(value.join('\n'));
  return (
    <textarea
      id={id}
      rows={rows}
      value={text}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onInput={(e) => {
        setText(e.currentTarget.value);
        onChange(toLines(e.currentTarget.value));
      }}
    />
  );
}
