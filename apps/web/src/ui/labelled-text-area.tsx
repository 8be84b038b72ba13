import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { LabelledField } from './labelled-field.tsx';

/** The full-width box of the review forms' fields. */
export const formFieldClass = 'mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm';

/** A labelled, full-width multi-line text box bound to a string: it shows `value` and reports each edit to `onValue`. */
export function LabelledTextArea({
  label,
  value,
  onValue,
  className = '',
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> & {
  label: ReactNode;
  value: string;
  onValue: (value: string) => void;
}) {
  return (
    <LabelledField label={label}>
      {(id) => (
        <textarea
          id={id}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          className={`${formFieldClass} ${className}`}
          {...textarea}
        />
      )}
    </LabelledField>
  );
}
