import { config } from 'zod';

/**
 * Must be imported before any module that builds a zod schema (the contracts do at load time):
 * without it, zod probes `new Function` and the strict CSP (`script-src 'self'`) reports a violation.
 */
config({ jitless: true });
