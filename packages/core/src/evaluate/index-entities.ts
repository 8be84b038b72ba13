import type { Entity } from '../measures/applies-to.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';

/** Entity id -> position, in one pass; a payee without an id or with a repeated id is an issue and left out. */
export function indexEntities(
  input: readonly Entity[],
  issues: EvaluationIssue[],
): { entities: readonly Entity[]; entityIndex: Map<string, number> } {
  const entityIndex = new Map<string, number>();
  let kept: Entity[] | null = null;
  for (let e = 0; e < input.length; e++) {
    const entity = input[e] as Entity;
    if (typeof entity?.id !== 'string' || entity.id === '') {
      issues.push({ code: 'invalid-entity', message: `payee #${e + 1} has no id; left out` });
      kept ??= input.slice(0, e);
      continue;
    }
    if (entityIndex.has(entity.id)) {
      issues.push({
        code: 'duplicate-entity',
        message: `payee '${entity.id}' is listed twice; the first is used`,
        entityId: entity.id,
      });
      kept ??= input.slice(0, e);
      continue;
    }
    entityIndex.set(entity.id, kept ? kept.length : e);
    kept?.push(entity);
  }
  return { entities: kept ?? input, entityIndex };
}
