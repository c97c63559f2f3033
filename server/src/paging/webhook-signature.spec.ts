import { createHmac } from 'node:crypto';
import { canonicalJson, signWebhook, verifyWebhook } from './webhook-signature';

const TOKEN = 'gateway-token-0123456789';

describe('webhook signatures', () => {
  const body = { status: 'delivered', reference: 'abc', id: 'gw-1' };
  const now = new Date('2030-05-01T10:00:00Z');

  it('canonicalises objects with sorted keys and no whitespace, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 'é', e: null }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":null,"f":"é"}]},"b":1}',
    );
  });

  it('matches an HMAC computed independently over t.canonical-body', () => {
    const header = signWebhook(TOKEN, body, now);
    const t = Math.floor(now.getTime() / 1000);
    const expected = createHmac('sha256', TOKEN).update(`${t}.{"id":"gw-1","reference":"abc","status":"delivered"}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it('accepts the signature whatever the key order of the body received', () => {
    const header = signWebhook(TOKEN, body, now);
    expect(verifyWebhook(TOKEN, header, { id: 'gw-1', reference: 'abc', status: 'delivered' }, now)).toBe(true);
  });

  it('refuses another token, another body, a stale timestamp, garbage', () => {
    const header = signWebhook(TOKEN, body, now);
    expect(verifyWebhook('another-token-0123456', header, body, now)).toBe(false);
    expect(verifyWebhook(TOKEN, header, { ...body, status: 'failed' }, now)).toBe(false);
    expect(verifyWebhook(TOKEN, header, body, new Date(now.getTime() + 301_000))).toBe(false);
    for (const bad of [undefined, '', 't=1', 'v1=00', 't=abc,v1=zz', `t=${Math.floor(now.getTime() / 1000)},v1=${'0'.repeat(64)}`]) {
      expect(verifyWebhook(TOKEN, bad, body, now)).toBe(false);
    }
  });
});
