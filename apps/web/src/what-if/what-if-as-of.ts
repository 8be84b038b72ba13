/**
 * The day a what-if evaluates on: the latest of today and the newest submission date, so every
 * submission made so far counts (a submission dated after `asOf` would be left out, and demo or
 * back-filled data may carry dates ahead of the clock).
 */
export function whatIfAsOf(submissions: readonly { submittedOn?: string | null }[], today: string): string {
  let latest = today;
  for (const s of submissions) if (s.submittedOn && s.submittedOn > latest) latest = s.submittedOn;
  return latest;
}
