import { useProgramParams } from '../app/use-program-params.ts';
import { useMe } from '../auth/use-me.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { PageTabs } from '../ui/page-tabs.tsx';
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
      <PageTabs
        label="Data"
        tabs={[
          {
            value: 'inbox',
            label: 'Submissions inbox',
            content: <SubmissionsInboxPanel fiscalYear={fy} program={program} />,
          },
          { value: 'payees', label: 'Payees', content: <PayeeList fiscalYear={fy} program={program} /> },
          me?.role !== 'analyst' && {
            value: 'upload',
            label: 'Bulk upload',
            content: <BulkUpload fiscalYear={fy} program={program} />,
          },
        ]}
      />
    </>
  );
}
