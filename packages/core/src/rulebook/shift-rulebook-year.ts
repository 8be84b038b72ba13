import { RulebookError } from '../errors.ts';
import { isIsoDate, isLeapYear } from '../expressions/date-arithmetic.ts';
import { type ExpressionLiteral, mapExpressionLiterals } from '../expressions/map-expression-literals.ts';
import { parseFiscalYear } from '../fiscal-year.ts';

type PathSegment = string | number;

/** One value the shift rewrote: its JSON path and the whole value before and after. */
export interface ShiftedValue {
  path: PathSegment[];
  from: string;
  to: string;
}

/**
 * Why a value is left for the administrator:
 * - `date-in-text`: a date inside text or inside a value that is not a date (`whole years on 2027-06-30`);
 * - `fiscal-year-in-text`: a fiscal-year name inside a value that is not one (`'FY 2026-27 report'` in
 *   an expression, `FY27`);
 * - `year-number`: a number that may be a year (`measurementYear == 2026`, `November 2024`);
 * - `february-29`: February 29 moved into a common year: written as February 28, to be checked;
 * - `name`: a date or fiscal-year name inside a name other parts refer to (a measure key, an object key);
 * - `unreadable-expression`: found in an expression that does not tokenize.
 */
export const UNSHIFTED_REASONS = [
  'date-in-text',
  'fiscal-year-in-text',
  'year-number',
  'february-29',
  'name',
  'unreadable-expression',
] as const;
export type UnshiftedReason = (typeof UNSHIFTED_REASONS)[number];

/** A date, fiscal-year name or year the shift did not move (or, February 29, moved by a guess). */
export interface UnshiftedValue {
  path: PathSegment[];
  /** The fragment as the source wrote it (a date, a fiscal-year name, a year). */
  value: string;
  /** Its 0-based offset inside the string at `path`, when it is part of a longer string. */
  position?: number;
  reason: UnshiftedReason;
  message: string;
}

export interface RulebookYearShift<T> {
  rulebook: T;
  shifted: ShiftedValue[];
  unshifted: UnshiftedValue[];
}

/** Strings that are expressions (when they are the value of this member, not a list item). */
const EXPRESSION_KEYS = new Set([
  'appliesTo',
  'check',
  'denominator',
  'numerator',
  'formula',
  'when',
  'expression',
]);
/** Strings written for people. */
const TEXT_KEYS = new Set(['name', 'description', 'message', 'label', 'reason']);
/** Strings other parts refer to by value. */
const NAME_KEYS = new Set(['key', 'program', 'dataFrom']);
/** Lists whose string items are measure keys or field names. */
const NAME_LIST_KEYS = new Set(['measures', 'eligibleMeasures', 'recordKey', 'fields']);

type Role = 'data' | 'text' | 'expression' | 'name';

/**
 * A date (`2026-07-01`), a fiscal-year name (`2026-27`, `2026/27`, `2026-2027`), a short one (`FY26-27`,
 * `FY27`) or a year (`2026`), not touching other digits.
 */
const FRAGMENT =
  /(?<!\d)(?:(?<date>\d{4}-\d{2}-\d{2})|(?<fyStart>\d{4})(?<fySep>[-–/])(?<fyEnd>\d{4}|\d{2})(?![-–/]?\d)|(?<short>[Ff][Yy] ?)(?<shortStart>\d{2})(?:(?<shortSep>[-–/])(?<shortEnd>\d{2}))?|(?<year>\d{4}))(?!\d)/g;

/** What a string is, from the member holding it (or the list holding it, for a list item). */
function roleOf(key: string | undefined, inList: boolean): Role {
  if (key === undefined) return 'data';
  if (inList) return NAME_LIST_KEYS.has(key) ? 'name' : 'data';
  if (EXPRESSION_KEYS.has(key)) return 'expression';
  if (TEXT_KEYS.has(key)) return 'text';
  return NAME_KEYS.has(key) ? 'name' : 'data';
}

const inString = (index: number) => index;
const wholeValue = () => undefined;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The rulebook moved from fiscal year `fromFy` to `toFy` (`2026-27` -> `2027-28`: one year): every
 * date it holds is moved by the years between them, and every fiscal-year name with it.
 *
 * - A value that is exactly a date (`effectiveFrom`, `dueDate`, milestone `by`, a date field's
 *   `min`/`max`, an `enum` item) or exactly a fiscal-year name (`fiscalYear`, `period`, a baseline
 *   `period`) is moved.
 * - In an expression, each string literal that is exactly a date or a fiscal-year name is moved
 *   (`date('2026-07-01')`), found by the tokenizer so nothing else in the source changes.
 * - In text for people (`name`, `description`, `message`, `label`, exclusion `reason`), fiscal-year
 *   names are moved (`FY 2026-27`, `2026-27`, `2026-2027`, `FY26-27`).
 * - Everything else that looks like a date, a fiscal-year name or a year is listed in `unshifted`
 *   and left as written: dates in text, a literal that only contains a date, numbers that may be
 *   years (integers within ten years of `fromFy`), names other parts refer to.
 * - February 29 moved into a common year becomes February 28 and is listed too.
 *
 * Moved values keep their length, so a `position` is the same in the source and in the result.
 * The input is not changed. `shifted` and `unshifted` are in document order.
 */
export function shiftRulebookYear<T>(rulebook: T, fromFy: string, toFy: string): RulebookYearShift<T> {
  const from = parseFiscalYear(fromFy);
  const to = parseFiscalYear(toFy);
  if (!from) throw new RangeError(`not a fiscal year: ${fromFy}`);
  if (!to) throw new RangeError(`not a fiscal year: ${toFy}`);
  const years = Number(to.startsOn.slice(0, 4)) - Number(from.startsOn.slice(0, 4));
  const fromStart = Number(from.startsOn.slice(0, 4));
  const shifted: ShiftedValue[] = [];
  const unshifted: UnshiftedValue[] = [];
  if (years === 0) return { rulebook: structuredClone(rulebook), shifted, unshifted };

  const isYearLike = (n: number) => Number.isInteger(n) && n >= fromStart - 10 && n <= fromStart + 11;
  const later = (n: number) => n + years;

  const note = (
    path: PathSegment[],
    value: string,
    position: number | undefined,
    reason: UnshiftedReason,
    message: string,
  ) => unshifted.push({ path, value, ...(position === undefined ? {} : { position }), reason, message });

  /** The date moved; February 29 into a common year is noted as it becomes February 28. */
  const shiftDate = (date: string, path: PathSegment[], position?: number): string => {
    const year = Number(date.slice(0, 4)) + years;
    const monthDay = date.slice(5);
    if (year < 0 || year > 9999) {
      note(path, date, position, 'date-in-text', `${date} cannot move ${years} years: left as written`);
      return date;
    }
    if (monthDay === '02-29' && !isLeapYear(year)) {
      const moved = `${pad(year, 4)}-02-28`;
      note(path, date, position, 'february-29', `${year} has no February 29: written as ${moved}; check it`);
      return moved;
    }
    return `${pad(year, 4)}-${monthDay}`;
  };

  /** The fiscal-year name moved, or undefined when it is not one. */
  const shiftFiscalYear = (name: string): string | undefined => {
    if (!parseFiscalYear(name)) return undefined;
    const start = Number(name.slice(0, 4)) + years;
    if (start < 0 || start > 9998) return undefined;
    return `${pad(start, 4)}-${pad((start + 1) % 100, 2)}`;
  };

  /**
   * Finds every date, fiscal-year name and year in `text`. With `mode` 'text', fiscal-year names are
   * moved (and the moved text returned); otherwise each is listed with `reason` or its own.
   */
  const scan = (
    text: string,
    path: PathSegment[],
    mode: 'text' | 'list',
    locate: (index: number) => number | undefined,
    reason?: UnshiftedReason,
  ): string => {
    let out = '';
    let copied = 0;
    for (const match of text.matchAll(FRAGMENT)) {
      const g = match.groups ?? {};
      const at = match.index;
      const position = locate(at);
      const fragment = match[0];
      const replace = (moved: string) => {
        out += text.slice(copied, at) + moved;
        copied = at + fragment.length;
      };
      const listYear = (value: string, valueAt: number) => {
        if (isYearLike(Number(value))) {
          note(
            path,
            value,
            locate(valueAt),
            reason ?? 'year-number',
            `may be a year: left as written (moved it would be ${later(Number(value))})`,
          );
        }
      };
      if (g.date !== undefined) {
        const message = isIsoDate(g.date)
          ? `a date inside text: left as written (moved it would be ${shiftDateQuietly(g.date, years)})`
          : 'looks like a date but is not a real day: left as written';
        note(path, g.date, position, reason ?? 'date-in-text', message);
      } else if (g.fyStart !== undefined && g.fySep !== undefined && g.fyEnd !== undefined) {
        const start = Number(g.fyStart);
        const end = Number(g.fyEnd);
        const consecutive = g.fyEnd.length === 4 ? end === start + 1 : end === (start + 1) % 100;
        const movedStart = start + years;
        if (!consecutive || movedStart < 0 || movedStart > 9998) {
          listYear(g.fyStart, at);
        } else {
          const movedEnd = g.fyEnd.length === 4 ? pad(movedStart + 1, 4) : pad((movedStart + 1) % 100, 2);
          const moved = `${pad(movedStart, 4)}${g.fySep}${movedEnd}`;
          if (mode === 'text') replace(moved);
          else {
            note(
              path,
              fragment,
              position,
              reason ?? 'fiscal-year-in-text',
              `a fiscal-year name inside a value: left as written (moved it would be ${moved})`,
            );
          }
        }
      } else if (g.short !== undefined && g.shortStart !== undefined) {
        const start = Number(g.shortStart);
        const consecutive = g.shortEnd !== undefined && Number(g.shortEnd) === (start + 1) % 100;
        if (mode === 'text' && consecutive) {
          const movedStart = (((start + years) % 100) + 100) % 100;
          replace(`${g.short}${pad(movedStart, 2)}${g.shortSep}${pad((movedStart + 1) % 100, 2)}`);
        } else {
          note(
            path,
            fragment,
            position,
            reason ?? 'fiscal-year-in-text',
            'a short fiscal-year name: left as written',
          );
        }
      } else if (g.year !== undefined) {
        listYear(g.year, at);
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  };

  const shiftExpression = (source: string, path: PathSegment[]): string => {
    try {
      return mapExpressionLiterals(source, (literal: ExpressionLiteral) => {
        const { textPos } = literal;
        // Inside a literal with escapes, a fragment is located by the literal's opening quote.
        const locate = textPos === null ? () => literal.pos : (index: number) => textPos + index;
        if (literal.kind === 'number') {
          if (/^\d{4}$/.test(literal.text) && isYearLike(Number(literal.text))) {
            note(
              path,
              literal.text,
              literal.pos,
              'year-number',
              `may be a year: left as written (moved it would be ${later(Number(literal.text))})`,
            );
          }
          return undefined;
        }
        if (isIsoDate(literal.text)) return shiftDate(literal.text, path, locate(0));
        const fiscalYear = shiftFiscalYear(literal.text);
        if (fiscalYear !== undefined) return fiscalYear;
        scan(literal.text, path, 'list', locate);
        return undefined;
      });
    } catch (error) {
      if (!(error instanceof RulebookError)) throw error;
      scan(source, path, 'list', inString, 'unreadable-expression');
      return source;
    }
  };

  const shiftString = (value: string, path: PathSegment[], role: Role): string => {
    switch (role) {
      case 'expression':
        return shiftExpression(value, path);
      case 'text':
        return scan(value, path, 'text', inString);
      case 'name':
        scan(value, path, 'list', wholeValue, 'name');
        return value;
      case 'data': {
        if (isIsoDate(value)) return shiftDate(value, path);
        const fiscalYear = shiftFiscalYear(value);
        if (fiscalYear !== undefined) return fiscalYear;
        scan(value, path, 'list', inString);
        return value;
      }
    }
  };

  const walk = (value: unknown, path: PathSegment[], key: string | undefined, inList: boolean): unknown => {
    if (typeof value === 'string') {
      const moved = shiftString(value, path, roleOf(key, inList));
      if (moved !== value) shifted.push({ path, from: value, to: moved });
      return moved;
    }
    if (typeof value === 'number') {
      if (isYearLike(value)) {
        note(
          path,
          String(value),
          undefined,
          'year-number',
          `may be a year: left as written (moved it would be ${later(value)})`,
        );
      }
      return value;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i], key, true));
    if (value !== null && typeof value === 'object') {
      // fromEntries defines each member, so even a '__proto__' key stays a plain member.
      return Object.fromEntries(
        Object.entries(value).map(([member, item]) => {
          const at = [...path, member];
          scan(member, at, 'list', wholeValue, 'name');
          return [member, walk(item, at, member, false)];
        }),
      );
    }
    return value;
  };

  return { rulebook: walk(rulebook, [], undefined, false) as T, shifted, unshifted };
}

/** A date moved by whole years for a message (February 29 into a common year reads February 28). */
function shiftDateQuietly(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  if (year < 0 || year > 9999) return date;
  const monthDay = date.slice(5) === '02-29' && !isLeapYear(year) ? '02-28' : date.slice(5);
  return `${pad(year, 4)}-${monthDay}`;
}
