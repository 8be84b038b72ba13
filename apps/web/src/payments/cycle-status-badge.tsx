import type { PaymentCycleStatus } from '../api/resources.ts';

/** Draft (amber) or approved (green), in words so the colour is never the only signal. */
export function CycleStatusBadge({ status }: { status: PaymentCycleStatus }) {
  return status === 'approved' ? (
    <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Approved</span>
  ) : (
    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Draft</span>
  );
}
