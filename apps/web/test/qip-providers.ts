import type { RunningQuip } from './start-quip.ts';

/** dds-qip 2026-27, under the SPA's base URL or the API's /api/v1. */
export const QIP = '/fiscal-years/2026-27/programs/dds-qip';

/**
 * Loads dds-qip 2026-27's three employment providers QIP-1, QIP-2 and QIP-3 ($50.00 rate, service
 * 950, `units` each) and their staff records of 2026-11-30: 4 of 10, 11 of 20 and 7 of 10
 * employment staff ACRE-trained, shares of 40%, 55% and 70%.
 */
export async function loadQipProviders(quip: RunningQuip, units: [number, number, number]): Promise<void> {
  const payee = (id: string, payeeUnits: number) => ({
    id,
    name: `Provider ${id}`,
    vendorNumber: `V${id}`,
    serviceCode: '950',
    regionalCenter: 'RC-1',
    rateCents: 5000,
    units: payeeUnits,
  });
  await quip.api(`${QIP}/entities`, {
    method: 'POST',
    body: [payee('QIP-1', units[0]), payee('QIP-2', units[1]), payee('QIP-3', units[2])],
  });
  const staff = (entityId: string, employmentStaff: number, acreTrainedStaff: number) => ({
    entityId,
    measure: 'qip-employment-staff',
    period: '2026-27',
    data: { asOfDate: '2026-11-30', employmentStaff, acreTrainedStaff, cespCertifiedStaff: 0 },
  });
  await quip.api(`${QIP}/submissions`, {
    method: 'POST',
    body: [staff('QIP-1', 10, 4), staff('QIP-2', 20, 11), staff('QIP-3', 10, 7)],
  });
}
