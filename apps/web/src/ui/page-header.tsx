import { type ReactNode, useEffect } from 'react';

/**
 * The page's one h1, which also names the browser tab. The layout moves focus to it after each
 * navigation (it is focusable for that reason only), so screen readers announce the new page.
 */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Quip`;
  }, [title]);
  return (
    <div className="mb-8">
      <h1 tabIndex={-1} className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
        {title}
      </h1>
      {children ? <div className="mt-2 max-w-3xl text-slate-700">{children}</div> : null}
    </div>
  );
}
