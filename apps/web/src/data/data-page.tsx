import * as Tabs from '@radix-ui/react-tabs';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useQuip } from '../app/quip-context.tsx';
import { meQueryOptions } from '../auth/me-query.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { BulkUpload } from './bulk-upload.tsx';
import { PayeeList } from './payee-list.tsx';
import { SubmissionsInboxPanel } from './submissions-inbox-panel.tsx';

const tab =
  'rounded-t-md border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 data-[state=active]:border-blue-700 data-[state=active]:text-blue-800';

/** A program's data in one fiscal year: the submissions inbox, payees, bulk upload. */
export function DataPage() {
  const { fy = '', program = '' } = useParams({ strict: false }) as { fy?: string; program?: string };
  const { api } = useQuip();
  const me = useQuery(meQueryOptions(api)).data;
  return (
    <>
      <PageHeader title={`Data: ${program} ${fy}`}>
        <p>Submissions checked against the published rulebook, the payees, and bulk uploads.</p>
      </PageHeader>
      <Tabs.Root defaultValue="inbox">
        <Tabs.List aria-label="Data" className="mb-4 flex gap-1 border-b border-slate-200">
          <Tabs.Trigger value="inbox" className={tab}>
            Submissions inbox
          </Tabs.Trigger>
          <Tabs.Trigger value="payees" className={tab}>
            Payees
          </Tabs.Trigger>
          {me?.role !== 'analyst' ? (
            <Tabs.Trigger value="upload" className={tab}>
              Bulk upload
            </Tabs.Trigger>
          ) : null}
        </Tabs.List>
        <Tabs.Content value="inbox">
          <SubmissionsInboxPanel fiscalYear={fy} program={program} />
        </Tabs.Content>
        <Tabs.Content value="payees">
          <PayeeList fiscalYear={fy} program={program} />
        </Tabs.Content>
        <Tabs.Content value="upload">
          <BulkUpload fiscalYear={fy} program={program} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
