import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  channel: 'sms' | 'voice';
  to: string;
  text: string;
  callbackUrl: string;
  reference: string;
  /** What the fake answered. */
  status: number;
  id: string | null;
}

export interface PushRequest {
  subscription: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FakeGateway {
  url: string;
  token: string;
  /** Every request, including the refused ones. */
  requests: GatewayRequest[];
  /** Requests answered 2xx: the messages that went out. */
  accepted(): GatewayRequest[];
  /** The next `times` messages to `to` get `status` (500: temporary; 400: permanent). */
  failNext(to: string, status: number, times?: number): void;
  /** Every message to `to` gets 400 `{error: 'invalid number'}`. */
  invalid(to: string): void;
  /** Web push requests received on `/push/<subscription>` (a push service stand-in). */
  pushes: PushRequest[];
  pushEndpoint(subscription: string): string;
  /** Posts a receipt / an inbound SMS to Vigie, signed with the token (or `signature` as given). */
  postReceipt(appUrl: string, body: object, signature?: string): Promise<{ status: number; body: unknown }>;
  postInbound(appUrl: string, body: object, signature?: string): Promise<{ status: number; body: unknown }>;
  waitFor(match: (r: GatewayRequest) => boolean, count?: number, timeoutMs?: number): Promise<GatewayRequest[]>;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sorted keys, no whitespace: written separately from Vigie's implementation on purpose. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SMS / voice gateway as Vigie's GatewayProvider expects it (bearer token, `POST /sms` and
 * `/voice` with `{to, text, callbackUrl, reference}` → `{id}`), with failures on demand, plus a
 * push-service stand-in.
 */
export async function startFakeGateway(): Promise<FakeGateway> {
  const token = randomBytes(24).toString('hex');
  const requests: GatewayRequest[] = [];
  const pushes: PushRequest[] = [];
  const failures = new Map<string, { status: number; times: number }[]>();
  const invalid = new Set<string>();
  const server = createServer((req, res) => {
    read(req)
      .then((raw) => {
        const push = /^\/push\/([\w-]+)$/.exec(req.url ?? '');
        if (push && req.method === 'POST') {
          pushes.push({ subscription: push[1], headers: req.headers, body: raw });
          return void res.writeHead(201).end();
        }
        const channel = req.url === '/sms' ? 'sms' : req.url === '/voice' ? 'voice' : null;
        if (!channel || req.method !== 'POST') return void res.writeHead(404).end();
        if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
        const body = JSON.parse(raw.toString('utf8')) as { to: string; text: string; callbackUrl: string; reference: string };
        let status = 202;
        let error: string | null = null;
        const planned = failures.get(body.to)?.[0];
        if (invalid.has(body.to)) [status, error] = [400, 'invalid number'];
        else if (planned) {
          status = planned.status;
          error = 'planned failure';
          if (--planned.times === 0) failures.get(body.to)!.shift();
        }
        const id = status < 300 ? randomUUID() : null;
        requests.push({ channel, to: body.to, text: body.text, callbackUrl: body.callbackUrl, reference: body.reference, status, id });
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(id ? { id } : { error }));
      })
      .catch(() => res.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (body: object) => {
    const t = Math.floor(Date.now() / 1000);
    return `t=${t},v1=${createHmac('sha256', token).update(`${t}.${canonical(body)}`).digest('hex')}`;
  };
  const post = async (target: string, body: object, signature?: string) => {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Vigie-Signature': signature ?? sign(body) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };
  return {
    url,
    token,
    requests,
    pushes,
    accepted: () => requests.filter((r) => r.status < 300),
    failNext(to, status, times = 1) {
      failures.set(to, [...(failures.get(to) ?? []), { status, times }]);
    },
    invalid: (to) => void invalid.add(to),
    pushEndpoint: (subscription) => `${url}/push/${subscription}`,
    postReceipt: (appUrl, body, signature) => post(`${appUrl}/api/paging/webhooks/receipt`, body, signature),
    postInbound: (appUrl, body, signature) => post(`${appUrl}/api/paging/webhooks/inbound`, body, signature),
    async waitFor(match, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = requests.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`gateway: ${found.length}/${count} matching requests after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
