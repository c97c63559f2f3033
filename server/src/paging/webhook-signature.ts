import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed gateway webhooks (delivery receipts, inbound SMS). Header
 * `X-Vigie-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` computed with the gateway token
 * over `<t>.<canonical JSON of the body>`, canonical meaning RFC 8785 (JCS) — for these
 * payloads, objects with sorted keys and no whitespace. Signing the canonical form rather
 * than the raw bytes (as Twilio signs its sorted parameters) lets the API verify after its
 * JSON body parser. A signature older than five minutes is refused (replay).
 */
export const SIGNATURE_HEADER = 'x-vigie-signature';
export const SIGNATURE_TOLERANCE_SEC = 300;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function digest(token: string, timestamp: number, body: unknown): string {
  return createHmac('sha256', token).update(`${timestamp}.${canonicalJson(body)}`).digest('hex');
}

export function signWebhook(token: string, body: unknown, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${digest(token, t, body)}`;
}

export function verifyWebhook(token: string, header: string | undefined, body: unknown, now: Date = new Date()): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  ) as Record<string, string | undefined>;
  const t = Number(parts.t);
  const given = parts.v1;
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SEC) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(digest(token, t, body), 'hex'));
}
