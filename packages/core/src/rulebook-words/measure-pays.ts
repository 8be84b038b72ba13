/** How one payment part (the rulebook's payment or an additional part) uses one measure. */
export interface MeasurePayRole {
  /** The part's name: 'Payment' for the rulebook's own, else the part's name. */
  part: string;
  /** What the measure does for the money, in words. */
  text: string;
  /** Whether the measure's weight changes what this part pays. */
  usesWeight: boolean;
}

export interface MeasurePays {
  roles: MeasurePayRole[];
  /** A weight is set on the measure but no part reads it: the weight changes nothing. */
  weightIgnored: boolean;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const listed = (list: unknown, key: string) => !Array.isArray(list) || list.includes(key);

/**
 * Whether and how a measure carries money, read from the payment methods' parameters the way the
 * methods read them (core's payment/*.ts): rate-incentive and withhold-earn-back count the measures
 * in `measures` (default all) by `earning` (weights only for weighted-met; composite through the
 * composite score); pool-share, share-allocation and rubric-selection rank by the composite score
 * (weights count) or by points; sanctions and community-reinvestment compare the measure to its
 * floor; the milestone methods pay completed milestones. A weight other than the default on a
 * measure no part weighs is flagged: it changes nothing.
 */
export function measurePays(rulebook: unknown, key: string): MeasurePays {
  const r = isRecord(rulebook) ? rulebook : {};
  const measures = Array.isArray(r.measures) ? r.measures.filter(isRecord) : [];
  const measure = measures.find((m) => m.key === key) ?? {};
  const hasScoring = measure.target !== undefined || measure.scoring !== undefined;
  const rulebookComposite = isRecord(r.composite) ? r.composite.measures : undefined;
  const parts: { name: string; params: unknown; composite: unknown }[] = [
    { name: 'Payment', params: r.payment, composite: rulebookComposite },
  ];
  if (Array.isArray(r.additionalPayments))
    for (const p of r.additionalPayments.filter(isRecord))
      parts.push({
        name: String(p.name ?? p.key),
        params: p.params,
        composite: isRecord(p.composite) ? p.composite.measures : rulebookComposite,
      });
  const roles: MeasurePayRole[] = [];
  for (const part of parts) {
    const role = roleIn(part.params, key, measure, hasScoring, listed(part.composite, key));
    if (role) roles.push({ part: part.name, ...role });
  }
  const weightSet = typeof measure.weight === 'number' && measure.weight !== 1;
  return { roles, weightIgnored: weightSet && measure.weight !== 0 && !roles.some((x) => x.usesWeight) };
}

function roleIn(
  params: unknown,
  key: string,
  measure: Raw,
  hasScoring: boolean,
  inComposite: boolean,
): Omit<MeasurePayRole, 'part'> | null {
  if (!isRecord(params)) return null;
  const composite = (what: string) =>
    inComposite && hasScoring
      ? { text: `counts in the composite score that ${what}, by its weight`, usesWeight: true }
      : null;
  const computeKind = isRecord(measure.compute) ? measure.compute.kind : undefined;
  switch (params.method) {
    case 'rate-incentive':
    case 'withhold-earn-back': {
      if (!listed(params.measures, key)) return null;
      const what = params.method === 'rate-incentive' ? 'the incentive' : 'the withhold given back';
      const earning = params.earning ?? 'weighted-met';
      if (earning === 'composite') return composite(`earns ${what}`);
      if (earning === 'all-met')
        return { text: `must be met (when scored) to earn ${what}`, usesWeight: false };
      if (earning === 'share-met')
        return { text: `is one of the scored measures whose met share earns ${what}`, usesWeight: false };
      return measure.weight === 0
        ? { text: `has weight 0: it earns nothing of ${what}`, usesWeight: true }
        : { text: `earns its weight's share of ${what} when met`, usesWeight: true };
    }
    case 'pool-share':
    case 'share-allocation':
      if (params.score === 'points')
        return hasScoring
          ? { text: 'adds its points to the score that shares the money', usesWeight: false }
          : null;
      return composite('shares the money');
    case 'rubric-selection':
      return params.pointsAttribute === undefined ? composite('gives the rubric base points') : null;
    case 'sanctions':
    case 'community-reinvestment': {
      if (!listed(params.measures, key)) return null;
      const floors = isRecord(params.floors) ? params.floors : {};
      if (floors[key] === undefined && measure.floor === undefined) return null;
      return params.method === 'sanctions'
        ? { text: 'costs a sanction when below its floor', usesWeight: false }
        : { text: 'below its floor raises the reinvestment rate', usesWeight: false };
    }
    case 'class-table-milestones':
    case 'fixed-milestone-schedule':
      return computeKind === 'milestone'
        ? { text: 'its completed milestones are paid', usesWeight: false }
        : null;
    default:
      return null;
  }
}
