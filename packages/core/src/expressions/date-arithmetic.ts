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

/** Year, month and day of a well-formed ISO date, or null. */
export function splitIsoDate(s: string | null): [year: number, month: number, day: number] | null {
  if (s === null || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return null;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return [year, month, day];
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
  return splitIsoDate(s) === null ? null : s;
}

/** Whole-number count argument: fractions are cut toward zero; non-finite counts give null. */
const whole = (n: number | null): number | null => (n === null || !Number.isFinite(n) ? null : Math.trunc(n));

export function addDays(date: string | null, days: number | null): string | null {
  const parts = splitIsoDate(date);
  const n = whole(days);
  if (parts === null || n === null) return null;
  return civilFromDays(daysFromCivil(parts[0], parts[1], parts[2]) + n);
}

/** Calendar months; a day past the end of the target month clamps to its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: string | null, months: number | null): string | null {
  const parts = splitIsoDate(date);
  const n = whole(months);
  if (parts === null || n === null) return null;
  const total = parts[0] * 12 + (parts[1] - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) return null;
  return formatIsoDate(year, month, Math.min(parts[2], daysInMonth(year, month)));
}

/** Calendar years; 02-29 clamps to 02-28 in a common year. */
export function addYears(date: string | null, years: number | null): string | null {
  const n = whole(years);
  return addMonths(date, n === null ? null : n * 12);
}

/** Signed number of days from `from` to `to` (to - from). */
export function daysBetween(from: string | null, to: string | null): number | null {
  const a = splitIsoDate(from);
  const b = splitIsoDate(to);
  if (a === null || b === null) return null;
  return daysFromCivil(b[0], b[1], b[2]) - daysFromCivil(a[0], a[1], a[2]);
}

/**
 * Whole years from `from` to `to`, counted like age: the year counts once its anniversary
 * (same month and day) is reached; someone born on 02-29 turns a year older on 03-01 in a
 * common year. Negative (by the same rule, mirrored) when `to` is before `from`.
 */
export function yearsBetween(from: string | null, to: string | null): number | null {
  const a = splitIsoDate(from);
  const b = splitIsoDate(to);
  if (a === null || b === null || from === null || to === null) return null;
  if (to < from) return -(yearsBetween(to, from) as number);
  const years = b[0] - a[0];
  const anniversaryReached = b[1] > a[1] || (b[1] === a[1] && b[2] >= a[2]);
  return anniversaryReached ? years : years - 1;
}

export function yearOf(date: string | null): number | null {
  return splitIsoDate(date)?.[0] ?? null;
}

export function monthOf(date: string | null): number | null {
  return splitIsoDate(date)?.[1] ?? null;
}

export function dayOf(date: string | null): number | null {
  return splitIsoDate(date)?.[2] ?? null;
}
