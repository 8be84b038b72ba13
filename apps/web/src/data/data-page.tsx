import * as Tabs from '@radix-ui/react-tabs';
import { useProgramParams } from '../app/use-program-params.ts';
import { useMe } from '../auth/use-me.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { TabBar } from '../ui/tab-bar.tsx';
import { BulkUpload } from './bulk-upload.tsx';
import { PayeeList } from './payee-list.tsx';
import { SubmissionsInboxPanel } from './submissions-inbox-panel.tsx';

/** A program's data in one fiscal year: the submissions inbox, payees, bulk upload. */
export function DataPage() {
  const { fy, program } = useProgramParams();
  const me = useMe();
  return (
    <>
      <PageHeader title={`Data: ${program} ${fy}`}>
        <p>Submissions checked against the published rulebook, the payees, and bulk uploads.</p>
      </PageHeader>
      <Tabs.Root defaultValue="inbox">
        <TabBar
          label="Data"
          tabs={[
            { value: 'inbox', label: 'Submissions inbox' },
            { value: 'payees', label: 'Payees' },
            me?.role !== 'analyst' && { value: 'upload', label: 'Bulk upload' },
          ]}
        />
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
