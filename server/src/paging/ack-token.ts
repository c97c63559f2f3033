import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Acknowledgement links: `<base>/api/paging/ack/<token>`. The token is short enough for an
 * SMS (50 characters): version byte, target id (16 bytes), expiry (uint32 seconds), then the
 * first 16 bytes of an HMAC-SHA256 of those 21 bytes, all base64url. It is single-use in
 * effect: once the target is acknowledged, the link only says so.
 */
const VERSION = 1;
const PAYLOAD_BYTES = 21;
const MAC_BYTES = 16;

export type AckTokenCheck =
  | { ok: true; targetId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

function mac(secret: string, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES);
}

export function signAckToken(secret: string, targetId: string, expiresAt: Date): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(VERSION, 0);
  Buffer.from(targetId.replace(/-/g, ''), 'hex').copy(payload, 1);
  payload.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 17);
  return Buffer.concat([payload, mac(secret, payload)]).toString('base64url');
}

export function verifyAckToken(secret: string, token: string, now: Date = new Date()): AckTokenCheck {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return { ok: false, reason: 'malformed' };
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== PAYLOAD_BYTES + MAC_BYTES || raw.readUInt8(0) !== VERSION) return { ok: false, reason: 'malformed' };
  const payload = raw.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(raw.subarray(PAYLOAD_BYTES), mac(secret, payload))) return { ok: false, reason: 'signature' };
  const expiresAt = new Date(payload.readUInt32BE(17) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const hex = payload.subarray(1, 17).toString('hex');
  const targetId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ok: true, targetId, expiresAt };
}
