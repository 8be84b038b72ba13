import { dollarsToCents } from '../money/cents.ts';
import { formatDollars } from '../scorecard/format-dollars.ts';
import { describeTarget, formatMeasureValue, type MeasureUnit, measureUnit } from './measure-unit.ts';

/** One change between two rulebooks, in words; `path` says where (JSON path of the newer side). */
export interface RulebookChange {
  path: string;
  text: string;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const short = (v: unknown): string => {
  if (v === undefined || v === null) return '(none)';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};
const dollars = (v: unknown) => {
  if (typeof v !== 'string' && typeof v !== 'number') return short(v);
  try {
    return formatDollars(dollarsToCents(String(v)));
  } catch {
    return short(v);
  }
};
const percent = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number'
    ? formatMeasureValue(Number(v), { kind: 'percent' })
    : short(v);

/** Words for a measure's own members; anything else is named by its member name. */
const MEASURE_LABELS: Record<string, string> = {
  name: 'name',
  domain: 'domain',
  kind: 'kind',
  description: 'description',
  period: 'period counted',
  dataFrom: 'reads the data of',
  recordKey: 'record key',
  minDenominator: 'minimum denominator',
  weight: 'weight',
  strata: 'equity strata',
  baseline: 'baseline',
  scoring: 'scoring',
};

/** How a payment parameter reads, by name: dollars, percents, or as written. */
const PAYMENT_PARAMS: Record<string, [label: string, format: (v: unknown) => string]> = {
  incentiveShare: ['incentive share of the rate', percent],
  withholdRate: ['withhold rate', percent],
  capRate: ['cap (share of capitation)', percent],
  rateFloorsMet: ['reinvestment rate when every floor is met', percent],
  rateBelowFloor: ['reinvestment rate below a floor', percent],
  baseShare: ['even base share', percent],
  pool: ['pool', dollars],
  award: ['award', dollars],
  maxAmount: ['largest total sanction', dollars],
  centsPerUnit: ['cents per unit', short],
  earning: ['earning', short],
  cutoff: ['selection cutoff (points)', short],
  maxSelected: ['most payees selected', short],
  maxBasePoints: ['maximum base points', short],
  minScore: ['minimum score', short],
  minEntities: ['fewest payees in a group', short],
  score: ['score used', short],
  rounding: ['rounding', short],
  measures: ['measures counted', short],
};

/**
 * What changed from one rulebook to another, in the words a program office uses: "Share of staff
 * with ACRE training: target 50th -> 75th percentile of peers", "Class B: $397.00 -> $580.00 per
 * member", "Added measure ...". Measures are matched by key, class rows by class, payment parts by
 * key; anything without its own words is told by its path and its two values. Works on the raw
 * JSON of two rulebooks (valid or not), so it can describe a draft that does not validate yet.
 */
export function describeRulebookChanges(before: unknown, after: unknown): RulebookChange[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const out: RulebookChange[] = [];
  for (const key of ['name', 'description', 'effectiveFrom', 'timeZone', 'program', 'fiscalYear']) {
    if (!same(a[key], b[key]))
      out.push({ path: key, text: `Rulebook ${key}: ${short(a[key])} -> ${short(b[key])}` });
  }
  measureChanges(a.measures, b.measures, out);
  paymentChanges(a.payment, b.payment, 'payment', 'Payment', out);
  partChanges(a.additionalPayments, b.additionalPayments, out);
  for (const key of ['payee', 'scoring', 'composite', 'cycles']) {
    genericChanges(a[key], b[key], key, key === 'payee' ? 'Payee' : capitalise(key), out);
  }
  return out;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const nameOf = (m: Raw) => (typeof m.name === 'string' ? m.name : String(m.key));
const byKey = (list: unknown): Map<string, [Raw, number]> => {
  const map = new Map<string, [Raw, number]>();
  if (Array.isArray(list))
    list.forEach((m, i) => {
      if (isRecord(m) && typeof m.key === 'string') map.set(m.key, [m, i]);
    });
  return map;
};

function measureChanges(before: unknown, after: unknown, out: RulebookChange[]): void {
  const a = byKey(before);
  const b = byKey(after);
  for (const [key, [m]] of a) {
    if (!b.has(key)) out.push({ path: `measures.${key}`, text: `Removed measure ${nameOf(m)} (${key})` });
  }
  for (const [key, [m, i]] of b) {
    const old = a.get(key)?.[0];
    const path = `measures[${i}]`;
    if (!old) {
      out.push({ path, text: `Added measure ${nameOf(m)} (${key})` });
      continue;
    }
    oneMeasure(old, m, path, out);
  }
}

function oneMeasure(a: Raw, b: Raw, path: string, out: RulebookChange[]): void {
  const label = nameOf(b);
  const unit = measureUnit(b);
  const say = (where: string, text: string) =>
    out.push({ path: `${path}.${where}`, text: `${label}: ${text}` });
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    if (key === 'key' || same(a[key], b[key])) continue;
    if (key === 'target' || key === 'floor')
      say(key, targetChange(key, a[key], b[key], measureUnit(a), unit));
    else if (key === 'appliesTo') say(key, `applies to ${appliesTo(a[key])} -> ${appliesTo(b[key])}`);
    else if (key === 'noData')
      say(key, `no data counts as ${short(a[key] ?? 'not-scored')} -> ${short(b[key] ?? 'not-scored')}`);
    else if (key === 'weight') say(key, `weight ${short(a[key] ?? 1)} -> ${short(b[key] ?? 1)}`);
    else if (key === 'name') say(key, `renamed from ${short(a[key])}`);
    else if (key === 'fields') fieldChanges(a[key], b[key], `${path}.fields`, label, out);
    else if (key === 'compute') computeChanges(a[key], b[key], `${path}.compute`, label, out);
    else if (MEASURE_LABELS[key]) say(key, `${MEASURE_LABELS[key]} ${short(a[key])} -> ${short(b[key])}`);
    else say(key, `${key} ${short(a[key])} -> ${short(b[key])}`);
  }
}

function targetChange(what: string, a: unknown, b: unknown, unitA: MeasureUnit, unitB: MeasureUnit): string {
  if (isRecord(a) && isRecord(b) && a.kind === b.kind && a.direction === b.direction) {
    if (a.kind === 'peer-percentile' || a.kind === 'baseline-percentile') {
      const [, rest] = describeTarget(b, unitB).split(' percentile');
      if (a.percentile !== b.percentile && same({ ...a, percentile: 0 }, { ...b, percentile: 0 }))
        return `${what} ${describeTarget(a, unitA).split(' percentile')[0]} -> ${describeTarget(b, unitB).split(' percentile')[0]} percentile${rest}`;
    }
  }
  const words = (t: unknown, unit: MeasureUnit) => (t === undefined ? `no ${what}` : describeTarget(t, unit));
  return `${what} ${words(a, unitA)} -> ${words(b, unitB)}`;
}

function appliesTo(v: unknown): string {
  if (v === undefined || v === null) return 'every payee';
  if (typeof v === 'string') return v;
  if (isRecord(v))
    return Object.entries(v)
      .map(([field, values]) => `${field} in ${Array.isArray(values) ? values.join(', ') : short(values)}`)
      .join('; ');
  return short(v);
}

function describeField(spec: unknown): string {
  if (!isRecord(spec)) return short(spec);
  const parts = [String(spec.type ?? '?')];
  if (spec.required) parts.push('required');
  if (Array.isArray(spec.enum)) parts.push(`one of ${spec.enum.join(', ')}`);
  if (spec.min !== undefined) parts.push(`at least ${String(spec.min)}`);
  if (spec.max !== undefined) parts.push(`at most ${String(spec.max)}`);
  if (Array.isArray(spec.rules)) parts.push(`${spec.rules.length} rule(s)`);
  return parts.join(', ');
}

function fieldChanges(before: unknown, after: unknown, path: string, label: string, out: RulebookChange[]) {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  for (const name of Object.keys(a)) {
    if (!Object.hasOwn(b, name))
      out.push({ path: `${path}.${name}`, text: `${label}: removed data field ${name}` });
  }
  for (const name of Object.keys(b)) {
    if (!Object.hasOwn(a, name))
      out.push({
        path: `${path}.${name}`,
        text: `${label}: added data field ${name} (${describeField(b[name])})`,
      });
    else if (!same(a[name], b[name]))
      out.push({
        path: `${path}.${name}`,
        text: `${label}: data field ${name}: ${fieldPartChanges(a[name], b[name]).join('; ')}`,
      });
  }
}

const FIELD_PARTS: [key: string, words: string][] = [
  ['type', 'type'],
  ['required', 'required'],
  ['enum', 'allowed values'],
  ['min', 'at least'],
  ['max', 'at most'],
  ['description', 'description'],
];
const fieldPart = (v: unknown) =>
  v === undefined
    ? '(none)'
    : Array.isArray(v)
      ? v.join(', ')
      : typeof v === 'boolean'
        ? v
          ? 'yes'
          : 'no'
        : String(v);
const ruleWords = (r: unknown) => (isRecord(r) ? `${String(r.check)} ('${String(r.message)}')` : short(r));

/**
 * What changed in one data field, part by part: "at most (none) -> 500", "rule added:
 * employmentStaff <= 500 ('more than 500 staff')", "rule a ('...') -> b ('...')".
 */
function fieldPartChanges(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [`${describeField(before)} -> ${describeField(after)}`];
  const said: string[] = [];
  for (const [key, words] of FIELD_PARTS) {
    if (!same(before[key], after[key]))
      said.push(`${words} ${fieldPart(before[key])} -> ${fieldPart(after[key])}`);
  }
  const rules = (spec: Raw) => (Array.isArray(spec.rules) ? spec.rules : []);
  const [ra, rb] = [rules(before), rules(after)];
  // Rules matched by content: one gone and one new in the same turn read as a rule changed.
  const gone = ra.filter((x) => !rb.some((y) => same(x, y)));
  const added = rb.filter((y) => !ra.some((x) => same(x, y)));
  for (let i = 0; i < Math.max(gone.length, added.length); i++) {
    if (i >= gone.length) said.push(`rule added: ${ruleWords(added[i])}`);
    else if (i >= added.length) said.push(`rule removed: ${ruleWords(gone[i])}`);
    else said.push(`rule ${ruleWords(gone[i])} -> ${ruleWords(added[i])}`);
  }
  return said.length > 0 ? said : [`${describeField(before)} -> ${describeField(after)}`];
}

const COMPUTE_LABELS: Record<string, string> = {
  numerator: 'numerator',
  denominator: 'denominator',
  numeratorField: 'numerator field',
  denominatorField: 'denominator field',
  per: 'rate per',
  field: 'value field',
  formula: 'value formula',
  aggregate: 'aggregate',
  minRecords: 'fewest records',
  minCompleted: 'milestones needed',
  by: 'milestones count when completed by',
  milestoneField: 'milestone field',
  dateField: 'completion date field',
  missedReason: 'missed-reason field',
  complete: 'completeness check',
  accurate: 'accuracy check',
};

function computeChanges(before: unknown, after: unknown, path: string, label: string, out: RulebookChange[]) {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const say = (where: string, text: string) =>
    out.push({ path: `${path}.${where}`, text: `${label}: ${text}` });
  if (a.kind !== b.kind) {
    say('kind', `computed as ${short(a.kind)} -> ${short(b.kind)}`);
    return;
  }
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (key === 'kind' || same(a[key], b[key])) continue;
    if (key === 'timely') {
      const due = (t: unknown) => (isRecord(t) ? `due ${String(t.dueDate)}` : 'no due date');
      say(key, `${due(a[key])} -> ${due(b[key])}`);
    } else if (key === 'exclusions') {
      const reasons = (l: unknown) =>
        new Map((Array.isArray(l) ? l : []).filter(isRecord).map((e) => [String(e.reason), String(e.when)]));
      const ra = reasons(a[key]);
      const rb = reasons(b[key]);
      for (const [reason, when] of ra)
        if (!rb.has(reason)) say(key, `exclusion '${reason}' (${when}) removed`);
      for (const [reason, when] of rb) {
        if (!ra.has(reason)) say(key, `exclusion '${reason}' added: ${when}`);
        else if (ra.get(reason) !== when) say(key, `exclusion '${reason}': ${ra.get(reason)} -> ${when}`);
      }
    } else say(key, `${COMPUTE_LABELS[key] ?? key} ${short(a[key])} -> ${short(b[key])}`);
  }
}

function paymentChanges(before: unknown, after: unknown, path: string, label: string, out: RulebookChange[]) {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  if (a.method !== b.method) {
    out.push({ path: `${path}.method`, text: `${label} method: ${short(a.method)} -> ${short(b.method)}` });
    return;
  }
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (key === 'method' || same(a[key], b[key])) continue;
    if (key === 'classes') classChanges(a[key], b[key], `${path}.classes`, out);
    else if (PAYMENT_PARAMS[key]) {
      const [words, format] = PAYMENT_PARAMS[key];
      out.push({ path: `${path}.${key}`, text: `${label}: ${words} ${format(a[key])} -> ${format(b[key])}` });
    } else genericChanges(a[key], b[key], `${path}.${key}`, `${label} ${key}`, out);
  }
}

function classChanges(before: unknown, after: unknown, path: string, out: RulebookChange[]) {
  const rows = (l: unknown) =>
    new Map((Array.isArray(l) ? l : []).filter(isRecord).map((r, i) => [String(r.class), [r, i] as const]));
  const a = rows(before);
  const b = rows(after);
  const span = (r: Raw) => `${String(r.membersFrom)}-${String(r.membersTo)}`;
  const range = (r: Raw) => `members ${span(r)}`;
  for (const [name, [r]] of a)
    if (!b.has(name)) out.push({ path: `${path}.${name}`, text: `Class ${name} (${range(r)}) removed` });
  for (const [name, [r, i]] of b) {
    const old = a.get(name)?.[0];
    const at = `${path}[${i}]`;
    if (!old) {
      out.push({ path: at, text: `Class ${name} added: ${range(r)}, ${dollars(r.pmpy)} per member` });
      continue;
    }
    if (!same(old.pmpy, r.pmpy))
      out.push({
        path: `${at}.pmpy`,
        text: `Class ${name}: ${dollars(old.pmpy)} -> ${dollars(r.pmpy)} per member`,
      });
    if (old.membersFrom !== r.membersFrom || old.membersTo !== r.membersTo)
      out.push({ path: at, text: `Class ${name}: members ${span(old)} -> ${span(r)}` });
  }
}

function partChanges(before: unknown, after: unknown, out: RulebookChange[]) {
  const a = byKey(before);
  const b = byKey(after);
  for (const [key, [p]] of a)
    if (!b.has(key))
      out.push({ path: `additionalPayments.${key}`, text: `Removed payment part ${nameOf(p)}` });
  for (const [key, [p, i]] of b) {
    const old = a.get(key)?.[0];
    const path = `additionalPayments[${i}]`;
    if (!old) {
      out.push({
        path,
        text: `Added payment part ${nameOf(p)} (${String(isRecord(p.params) ? p.params.method : '?')})`,
      });
      continue;
    }
    paymentChanges(old.params, p.params, `${path}.params`, nameOf(p), out);
    const { params: _a, ...restA } = old;
    const { params: _b, ...restB } = p;
    genericChanges(restA, restB, path, nameOf(p), out);
  }
}

/** Leaf by leaf, for the parts without their own words: "Payee fields.units: (none) -> {...}". */
function genericChanges(a: unknown, b: unknown, path: string, label: string, out: RulebookChange[]): void {
  if (same(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])])
      genericChanges(a[key], b[key], `${path}.${key}`, `${label} ${key}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => {
      genericChanges(item, b[i], `${path}[${i}]`, `${label} ${i + 1}`, out);
    });
    return;
  }
  out.push({ path, text: `${label}: ${short(a)} -> ${short(b)}` });
}
