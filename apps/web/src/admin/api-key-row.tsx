import type { ApiKey } from '../api/resources.ts';
import { Button } from '../ui/button.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';

/** One API key in the keys table; an active key can be revoked after a confirmation. */
export function ApiKeyRow({ apiKey: k, onRevoke }: { apiKey: ApiKey; onRevoke: (id: string) => void }) {
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {k.name}
      </th>
      <td className="px-3 py-2">{k.role}</td>
      <td className="px-3 py-2">{k.entityIds ? k.entityIds.join(', ') : 'all'}</td>
      <td className="px-3 py-2 font-mono text-xs">{k.keyPrefix}…</td>
      <td className="px-3 py-2">{new Date(k.createdAt).toLocaleDateString()}</td>
      <td className="px-3 py-2">
        {k.revokedAt ? `revoked ${new Date(k.revokedAt).toLocaleDateString()}` : 'active'}
      </td>
      <td className="px-3 py-2">
        {k.revokedAt ? null : (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" aria-label={`Revoke ${k.name}`}>
                Revoke
              </Button>
            }
            title={`Revoke “${k.name}”?`}
            confirmLabel="Revoke"
            onConfirm={() => onRevoke(k.id)}
          >
            <p>Calls with this key are refused from now on. This cannot be undone.</p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
