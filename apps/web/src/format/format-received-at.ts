import { dayIn } from '@quip/core';

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time and the zone's short name (PDT / PST in en-US), `23:59 PDT`; throws for an unknown zone. */
function clockIn(instant: Date, timeZone: string): string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    // h23, not hour12: false, which some engines print as 24:00 at midnight.
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    clocks.set(timeZone, clock);
  }
  const part: Record<string, string> = {};
  for (const p of clock.formatToParts(instant)) part[p.type] = p.value;
  return `${part.hour}:${part.minute} ${part.timeZoneName}`;
}

/**
 * A server instant as the program office reads it: its wall clock in the program's time zone,
 * with the zone named, since timeliness is judged on that day there (the day as core's `dayIn`
 * counts it): `2026-10-01T06:59:59Z` in America/Los_Angeles -> `2026-09-30 23:59 PDT`. Not an
 * instant: as given.
 */
export function formatReceivedAt(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    return `${dayIn(instant, timeZone)} ${clockIn(instant, timeZone)}`;
  } catch {
    // A zone this browser does not know: UTC is still a true statement of the instant.
    return `${dayIn(instant, 'UTC')} ${clockIn(instant, 'UTC')}`;
  }
}
