/**
 * Exact calendar arithmetic on ISO 'YYYY-MM-DD' strings, in whole days (proleptic Gregorian calendar,
 * years 0000-9999). No Date object and no clock: the day count comes from Howard Hinnant's
 * days_from_civil algorithm, so results do not depend on the host's time zone.
 * Every function returns null for null or malformed input, and for results outside years 0000-9999.
 */

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The parts of a string already known to be an ISO date (no allocation: these run per record).
const yearPart = (s: string) => digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
const monthPart = (s: string) => digit(s, 5) * 10 + digit(s, 6);
const dayPart = (s: string) => digit(s, 8) * 10 + digit(s, 9);

/** True for a real date written 'YYYY-MM-DD' ('2026-02-30' is not). */
export function isIsoDate(s: string | null): s is string {
  if (s === null || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  const year = yearPart(s);
  const month = monthPart(s);
  const day = dayPart(s);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Year, month and day of a well-formed ISO date, or null. */
export function splitIsoDate(s: string | null): [year: number, month: number, day: number] | null {
  return isIsoDate(s) ? [yearPart(s), monthPart(s), dayPart(s)] : null;
}

/** Days since 1970-01-01 of a civil date (negative before it). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatIsoDate(year: number, month: number, day: number): string | null {
  if (year < 0 || year > 9999) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Inverse of daysFromCivil. */
function civilFromDays(days: number): string | null {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** The string itself when it is a real ISO date ('2026-02-30' is not), else null. */
export function toIsoDate(s: string | null): string | null {
  return isIsoDate(s) ? s : null;
}

/** Whole-number count argument: fractions are cut toward zero; non-finite counts give null. */
const whole = (n: number | null): number | null => (n === null || !Number.isFinite(n) ? null : Math.trunc(n));

const dayNumber = (s: string) => daysFromCivil(yearPart(s), monthPart(s), dayPart(s));

export function addDays(date: string | null, days: number | null): string | null {
  const n = whole(days);
  if (!isIsoDate(date) || n === null) return null;
  return civilFromDays(dayNumber(date) + n);
}

/** Calendar months; a day past the end of the target month clamps to its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: string | null, months: number | null): string | null {
  const n = whole(months);
  if (!isIsoDate(date) || n === null) return null;
  const total = yearPart(date) * 12 + (monthPart(date) - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) return null;
  return formatIsoDate(year, month, Math.min(dayPart(date), daysInMonth(year, month)));
}

/** Calendar years; 02-29 clamps to 02-28 in a common year. */
export function addYears(date: string | null, years: number | null): string | null {
  const n = whole(years);
  return addMonths(date, n === null ? null : n * 12);
}

/** Signed number of days from `from` to `to` (to - from). */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return null;
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whole years from `from` to `to`, counted like age: the year counts once its anniversary
 * (same month and day) is reached; someone born on 02-29 turns a year older on 03-01 in a
 * common year. Negative (by the same rule, mirrored) when `to` is before `from`.
 */
export function yearsBetween(from: string | null, to: string | null): number | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return null;
  if (to < from) return -wholeYears(to, from) + 0; // + 0: no -0
  return wholeYears(from, to);
}

function wholeYears(early: string, late: string): number {
  const years = yearPart(late) - yearPart(early);
  const reached = monthPart(late) * 100 + dayPart(late) >= monthPart(early) * 100 + dayPart(early);
  return reached ? years : years - 1;
}

export function yearOf(date: string | null): number | null {
  return isIsoDate(date) ? yearPart(date) : null;
}

export function monthOf(date: string | null): number | null {
  return isIsoDate(date) ? monthPart(date) : null;
}

export function dayOf(date: string | null): number | null {
  return isIsoDate(date) ? dayPart(date) : null;
}
