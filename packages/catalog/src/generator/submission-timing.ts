import type { Prng } from './prng.ts';

/** When a report can be filed (`opens`) and when it is due (`due`), as day numbers. */
export interface ReportWindow {
  opens: number;
  due: number;
}

/** Chances that a payee's report is missing, or filed after its due date. */
export interface Punctuality {
  missing: number;
  late: number;
}

/**
 * A payee's punctuality from its diligence (0..1, drawn once per payee so the same payees tend to
 * be late on every report, as in real programs). At a typical diligence of 0.8: 5.5% missing,
 * 10% late.
 */
export function punctuality(diligence: number): Punctuality {
  return { missing: 0.015 + 0.2 * (1 - diligence), late: 0.03 + 0.35 * (1 - diligence) };
}

/** A typical payee's diligence: Beta(5, 1.4), mean about 0.78, a long tail of careless payees. */
export function drawDiligence(prng: Prng): number {
  return prng.beta(5, 1.4);
}

/**
 * The day a report is filed, or null when it is never filed. On-time reports bunch up before the
 * due date (15% in its last three days); 40% of late ones are only 1-3 days late: the near misses
 * a timeliness rule has to get exactly right.
 */
export function drawSubmittedOn(prng: Prng, window: ReportWindow, p: Punctuality): number | null {
  if (prng.chance(p.missing)) return null;
  const { opens, due } = window;
  if (prng.chance(p.late)) {
    return prng.chance(0.4) ? due + prng.int(1, 3) : due + prng.int(4, 75);
  }
  if (prng.chance(0.15) || due - 3 <= opens) return due - prng.int(0, Math.min(2, Math.max(0, due - opens)));
  return opens + Math.floor(prng.beta(2, 1.3) * (due - 3 - opens));
}
