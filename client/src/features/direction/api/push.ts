import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';
import { base64UrlToBytes, currentRegistration, registerServiceWorker } from '../lib/pwa';
import { directionKeys } from './keys';

/** Web push on this device: not possible here, refused by the user, off, or on. */
export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export async function readPushState(): Promise<PushState> {
  if (typeof window === 'undefined' || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  const registration = await currentRegistration();
  if (!registration) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return (await registration.pushManager.getSubscription()) ? 'on' : 'off';
}

export function usePushState() {
  return useQuery({ queryKey: directionKeys.push, queryFn: readPushState, staleTime: Infinity });
}

async function enable(): Promise<void> {
  const registration = (await currentRegistration()) ?? (await registerServiceWorker());
  if (!registration) throw new Error('Ce navigateur ne permet pas les notifications.');
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('Notifications refusées dans le navigateur.');
  const { publicKey } = await api.get<{ publicKey: string }>('/api/paging/push/public-key');
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64UrlToBytes(publicKey),
  });
  const json = subscription.toJSON();
  await api.post('/api/paging/push-subscriptions', { endpoint: json.endpoint, keys: json.keys });
}

async function disable(): Promise<void> {
  const registration = await currentRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  // DELETE with a body: the api client's delete takes none
  const response = await fetch('/api/paging/push-subscriptions', {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${getAccessToken() ?? ''}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ endpoint: subscription.endpoint }),
    credentials: 'same-origin',
  });
  if (!response.ok && response.status !== 204) throw new Error(`Désabonnement refusé (${response.status})`);
  await subscription.unsubscribe();
}

export function useTogglePush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => (on ? enable() : disable()),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: directionKeys.push }),
  });
}
