import { redactUrl } from './redact';

describe('redactUrl', () => {
  it.each([
    ['/api/paging/ack/eyJhbGciOi.abc-def_1', '/api/paging/ack/[redacted]'],
    ['/api/paging/ack/tok?lang=fr', '/api/paging/ack/[redacted]?lang=fr'],
    ['/api/pages/123/ack', '/api/pages/123/ack'],
    ['/api/paging/webhooks/receipt', '/api/paging/webhooks/receipt'],
  ])('%s → %s', (url, expected) => expect(redactUrl(url)).toBe(expected));
});
