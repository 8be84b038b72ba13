const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Parts are read by type, so the locale only picks the zone's short name (PDT / PST in en-US).
    // h23, not hour12: false, which some engines print as 24:00 at midnight.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * A server instant as the program office reads it: its wall clock in the program's time zone,
 * with the zone named, since timeliness is judged on that day there:
 * `2026-10-01T06:59:59Z` in America/Los_Angeles -> `2026-09-30 23:59 PDT`. Not an instant: as given.
 */
export function formatReceivedAt(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterOf(timeZone);
  } catch {
    // A zone this browser does not know: UTC is still a true statement of the instant.
    formatter = formatterOf('UTC');
  }
  const part: Record<string, string> = {};
  for (const p of formatter.formatToParts(instant)) part[p.type] = p.value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName}`;
}
