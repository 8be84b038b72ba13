import * as Tabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import { TabBar, type TabBarTab } from './tab-bar.tsx';

/** One tab of PageTabs: its label in the tab row and what it shows when chosen. */
export interface PageTab extends TabBarTab {
  content: ReactNode;
  contentClassName?: string;
}

/**
 * A page's tabs (radix): the tab row, then each tab's content, shown while its tab is chosen. A
 * `false` entry is a tab this user does not get. Uncontrolled from the first tab unless `value`
 * and `onValueChange` are given.
 */
export function PageTabs({
  label,
  tabs,
  value,
  onValueChange,
}: {
  label: string;
  tabs: readonly (PageTab | false)[];
  value?: string;
  onValueChange?: (value: string) => void;
}) {
  const shown = tabs.filter((t): t is PageTab => t !== false);
  return (
    <Tabs.Root value={value} onValueChange={onValueChange} defaultValue={shown[0]?.value}>
      <TabBar label={label} tabs={shown} />
      {shown.map((t) => (
        <Tabs.Content key={t.value} value={t.value} className={t.contentClassName}>
          {t.content}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
