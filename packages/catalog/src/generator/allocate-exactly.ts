/**
 * Scales positive sizes so they add up to exactly `total`, each at least 1, by largest remainder:
 * the California generator promises an exact number of people, however the homes were drawn.
 */
export function allocateExactly(sizes: readonly number[], total: number): number[] {
  const n = sizes.length;
  if (n === 0) return [];
  if (total < n) throw new Error(`cannot give ${n} homes at least one person each out of ${total}`);
  let sum = 0;
  for (const s of sizes) sum += s;
  const factor = total / sum;
  const out = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (sizes[i] as number) * factor;
    const whole = Math.max(1, Math.floor(exact));
    out[i] = whole;
    remainders[i] = exact - whole;
    given += whole;
  }
  // Index order breaks ties, so the result depends on the sizes only.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b,
  );
  for (let k = 0; given < total; k = (k + 1) % n) {
    const i = order[k] as number;
    out[i] = (out[i] as number) + 1;
    given++;
  }
  for (let k = n - 1; given > total; k = k === 0 ? n - 1 : k - 1) {
    const i = order[k] as number;
    if ((out[i] as number) > 1) {
      out[i] = (out[i] as number) - 1;
      given--;
    }
  }
  return out;
}
