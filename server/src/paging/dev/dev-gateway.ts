import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, signWebhook } from '../webhook-signature';
import type { DevOutboxEntry } from './dev-outbox';

const MAX_BODY = 64 * 1024;
const RECEIPT_DELAY_MS = 1000;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * A local SMS / voice gateway speaking the same JSON API as a real one (`POST /sms` and
 * `POST /voice` with `{to, text, callbackUrl, reference}` and a bearer token → `{id}`), which
 * records each message and then posts a signed delivery receipt to `callbackUrl`.
 */
export async function startDevGateway(
  token: string,
  record: (entry: DevOutboxEntry) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const expected = Buffer.from(`Bearer ${token}`);
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const channel = req.url === '/sms' ? 'sms' : req.url === '/voice' ? 'voice' : null;
    if (req.method !== 'POST' || !channel) return reply(res, 404, { error: 'not found' });
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) return reply(res, 401, { error: 'bad token' });
    readJson(req)
      .then((body) => {
        const { to, text, callbackUrl, reference } = (body ?? {}) as Record<string, unknown>;
        if (typeof to !== 'string' || !/^\+\d{8,15}$/.test(to)) return reply(res, 400, { error: 'invalid number' });
        if (typeof text !== 'string' || typeof reference !== 'string') return reply(res, 400, { error: 'text and reference required' });
        const id = randomUUID();
        record({ at: new Date().toISOString(), channel, to, subject: null, text, reference });
        reply(res, 202, { id });
        if (typeof callbackUrl === 'string') {
          const timer = setTimeout(() => {
            timers.delete(timer);
            const receipt = { id, reference, status: 'delivered' };
            fetch(callbackUrl, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signWebhook(token, receipt) },
              body: JSON.stringify(receipt),
              signal: AbortSignal.timeout(5000),
            }).catch(() => undefined);
          }, RECEIPT_DELAY_MS);
          timers.add(timer);
        }
      })
      .catch(() => reply(res, 400, { error: 'invalid JSON' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const t of timers) clearTimeout(t);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
