import { formatCents } from '../money/cents.ts';

/** Groups the digits of a whole number by thousands: '1234567' -> '1,234,567'. */
function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** Cents as dollars with cents, the way a letter to a payee writes them: 1122400 -> '$11,224.00', -5 -> '-$0.05'. */
export function formatDollars(cents: number): string {
  const text = formatCents(cents);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.') as [string, string];
  return `${negative ? '-' : ''}$${groupThousands(whole)}.${fraction}`;
}

/** A count for people: 1000 -> '1,000'; a number that is not a whole number keeps its decimals. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(Math.abs(n))) return String(n);
  return `${n < 0 ? '-' : ''}${groupThousands(String(Math.abs(n)))}`;
}
