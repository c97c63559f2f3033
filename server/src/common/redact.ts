/**
 * Paths whose last segment is a bearer secret (signed single-use acknowledgement links): logs
 * and the audit trail keep the route, never the token.
 */
const SECRET_PATHS = [/^(\/api\/paging\/ack\/)[^/?#]+/];

export const REDACTED = '[redacted]';

/** The URL with any secret path segment replaced by `[redacted]` (query string kept). */
export function redactUrl(url: string): string {
  for (const pattern of SECRET_PATHS)
    if (pattern.test(url)) return url.replace(pattern, `$1${REDACTED}`);
  return url;
}
