import type { z } from 'zod';

/** A zod error as one line a person can act on: where, and what is wrong (the first few problems). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.map(String).join(' › ')}: ` : ''}${i.message}`)
    .join('; ');
}
