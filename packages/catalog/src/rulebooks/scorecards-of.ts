import {
  buildScorecard,
  compileRulebook,
  type Entity,
  evaluateProgram,
  type Scorecard,
  type Submission,
} from '@quip/core';
import { expect } from 'vitest';

/**
 * Every payee's scorecard for a catalog rulebook, the way a run makes them: the program evaluated
 * over all payees and submissions as of a day, then core's buildScorecard per payee with the whole
 * population (pools and shares need it for "what would have earned the rest").
 */
export function scorecardsOf(
  rulebook: unknown,
  entities: readonly Entity[],
  submissions: readonly Submission[],
  asOf: string,
): Map<string, Scorecard> {
  const compiled = compileRulebook(rulebook);
  const evaluation = evaluateProgram(compiled, { entities, submissions, asOf });
  const cards = new Map<string, Scorecard>();
  for (const entity of entities) {
    cards.set(
      entity.id,
      buildScorecard({
        compiled,
        entity,
        run: { id: 1, asOf, stage: 'preliminary' },
        results: evaluation.results.filter((r) => r.entityId === entity.id),
        payment: evaluation.payments.find((p) => p.entityId === entity.id) ?? null,
        submissions,
        population: { entities, results: evaluation.results },
      }),
    );
  }
  return cards;
}

/** Every sentence of a scorecard meant for people: what must never show an internal name. */
export function scorecardTexts(card: Scorecard): string[] {
  return [
    ...card.measures.flatMap((m) => [m.explanation, m.valueText ?? '', m.targetText ?? '', m.required ?? '']),
    ...card.measures.flatMap((m) => m.received.flatMap((r) => r.findings)),
    card.payment.explanation,
    ...card.payment.lines.map((l) => l.text),
    ...card.payment.rest.map((r) => r.text),
    ...card.payment.notes,
  ];
}

/** Internal names of payment details and results that a letter to a payee must not carry. */
export const INTERNAL_NAMES =
  /baseCents|baseRateCents|earnedFraction|incentivePotentialCents|incentiveForgoneCents|potentialCents|perMilestoneCents|capitationCents|withholdCents|earnedBackCents|unearnedCents|reinvestmentRequiredCents|maxPoints/;

/** One measure of a scorecard, by key (throws when the card has no such measure). */
export function measureOf(card: Scorecard | undefined, key: string): Scorecard['measures'][number] {
  const m = card?.measures.find((x) => x.measure === key);
  if (!m) throw new Error(`no measure ${key} on the scorecard`);
  return m;
}

/** Every sentence of every card is free of internal names (a test's last check). */
export function expectPlainWords(cards: ReadonlyMap<string, Scorecard>): void {
  for (const card of cards.values()) {
    for (const text of scorecardTexts(card)) expect(text).not.toMatch(INTERNAL_NAMES);
  }
}
