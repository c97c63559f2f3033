import { signAckToken, verifyAckToken } from './ack-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const TARGET = '3f1e2d4c-5b6a-4789-8abc-def012345678';

describe('acknowledgement tokens', () => {
  const expires = new Date('2030-01-01T12:00:00Z');

  it('round-trips the target id and expiry, short enough for an SMS', () => {
    const token = signAckToken(SECRET, TARGET, expires);
    expect(token).toMatch(/^[A-Za-z0-9_-]{50}$/);
    expect(verifyAckToken(SECRET, token, new Date('2029-12-31T00:00:00Z'))).toEqual({
      ok: true,
      targetId: TARGET,
      expiresAt: expires,
    });
  });

  it('refuses an expired token', () => {
    const token = signAckToken(SECRET, TARGET, expires);
    expect(verifyAckToken(SECRET, token, expires)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another secret or altered', () => {
    const token = signAckToken(SECRET, TARGET, expires);
    const now = new Date('2029-01-01T00:00:00Z');
    expect(verifyAckToken(`${SECRET}-other`, token, now)).toEqual({ ok: false, reason: 'signature' });
    // another target id under the same signature
    const raw = Buffer.from(token, 'base64url');
    raw[5] ^= 0x01;
    expect(verifyAckToken(SECRET, raw.toString('base64url'), now)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of ['', 'abc', 'x'.repeat(50), '../../etc/passwd', `${signAckToken(SECRET, TARGET, expires)}AA`]) {
      expect(verifyAckToken(SECRET, bad).ok).toBe(false);
    }
  });
});
