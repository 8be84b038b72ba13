import type { InputHTMLAttributes, ReactNode } from 'react';

/** The box of a form control that sits inside its label (text, date, select). */
export const fieldBoxClass = 'mt-1 block rounded-md border border-slate-300 px-3 py-2';

/**
 * A one-line text (or date) box inside its label, bound to a string: it shows `value` and reports
 * each edit to `onValue`. `className` adds to the box's classes.
 */
export function TextField({
  label,
  value,
  onValue,
  className = '',
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  label: ReactNode;
  value: string;
  onValue: (value: string) => void;
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <input
        value={value}
        onChange={(e) => onValue(e.target.value)}
        className={`${fieldBoxClass} ${className}`}
        {...input}
      />
    </label>
  );
}
