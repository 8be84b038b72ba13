import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'on-dark';

const variants: Record<Variant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-400',
  secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-500',
  'on-dark': 'border border-slate-500 text-white hover:bg-slate-700 focus-visible:outline-amber-300',
};

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium motion-safe:transition-colors disabled:cursor-wait ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
