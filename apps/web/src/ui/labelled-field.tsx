import { type ReactNode, useId } from 'react';

/**
 * A form control with its label above it, tied by a generated id: `children` receives the id to
 * give the control (`<LabelledField label="Reason">{(id) => <textarea id={id} … />}</LabelledField>`).
 */
export function LabelledField({
  label,
  children,
}: {
  label: ReactNode;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
