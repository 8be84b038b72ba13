import type { DataColumn } from './data-column.ts';

/**
 * The two columns every table of payees starts with: the payee's id (in code type; a button when
 * `open` is given, to open that payee) and its name beside it. Both are searched and exported.
 */
export function payeeColumns<T>(
  entityId: (row: T) => string,
  name: (row: T) => string | null | undefined,
  open?: (entityId: string) => void,
): DataColumn<T>[] {
  return [
    {
      id: 'entityId',
      header: 'Payee',
      value: entityId,
      render: open
        ? (row) => (
            <button
              type="button"
              className="font-mono text-xs text-blue-800 underline"
              onClick={() => open(entityId(row))}
            >
              {entityId(row)}
            </button>
          )
        : (row) => <span className="font-mono text-xs">{entityId(row)}</span>,
    },
    { id: 'name', header: 'Name', value: (row) => name(row) ?? '' },
  ];
}
