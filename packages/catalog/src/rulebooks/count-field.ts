/**
 * A count in a submission's data: a required whole number, at least 0 and, when `max` is given
 * (another field or a number), at most that.
 */
export const countField = (field: string, max?: string) => ({
  type: 'number' as const,
  required: true,
  min: 0,
  rules: [
    { check: `${field} == floor(${field})`, message: `${field} is a whole number` },
    ...(max ? [{ check: `${field} <= ${max}`, message: `${field} is more than ${max}` }] : []),
  ],
});
