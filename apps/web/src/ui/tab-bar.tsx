import * as Tabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';

/** One tab of a TabBar: `value` names its `Tabs.Content`. */
export interface TabBarTab {
  value: string;
  label: ReactNode;
}

const tabClass =
  'rounded-t-md border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 data-[state=active]:border-blue-700 data-[state=active]:text-blue-800';

/**
 * The row of tabs of a page's `Tabs.Root` (radix: arrow keys move between them), wrapping on narrow
 * screens; a `false` entry is a tab this user does not get.
 */
export function TabBar({ label, tabs }: { label: string; tabs: readonly (TabBarTab | false)[] }) {
  return (
    <Tabs.List aria-label={label} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((t) =>
        t ? (
          <Tabs.Trigger key={t.value} value={t.value} className={tabClass}>
            {t.label}
          </Tabs.Trigger>
        ) : null,
      )}
    </Tabs.List>
  );
}
