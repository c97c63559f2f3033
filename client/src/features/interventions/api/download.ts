import { refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';

/**
 * Downloads a file with the bearer token (a plain link could not send it): fetch, then save the
 * blob through a temporary object URL.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const get = (token: string | null) =>
    fetch(path, {
      credentials: 'same-origin',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  let response = await get(getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    if (session) response = await get(session.accessToken);
  }
  if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
