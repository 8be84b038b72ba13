import { z } from 'zod';

// Temporary stand-in until the payment module lands.
export const PaymentParamsSchema = z.object({ method: z.string() }).passthrough();
