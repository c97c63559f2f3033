import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { PushSubscriptionInput } from '../contracts/paging';
import { PagingSettings } from './paging-settings';

/** The logged-in user's browsers subscribed to web push (pages reach them when they are a contact's account). */
@Injectable()
export class PushSubscriptionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: PagingSettings,
  ) {}

  /** The VAPID public key the browser subscribes with (`applicationServerKey`). */
  publicKey(): { publicKey: string } {
    const vapid = this.settings.vapid;
    if (!vapid) throw new AppError('unavailable', 'Web push is not configured on this server');
    return { publicKey: vapid.publicKey };
  }

  /** Registers (or moves to this user) a browser's subscription; push services are HTTPS only in production. */
  async subscribe(input: PushSubscriptionInput, user: AuthUser): Promise<{ id: string }> {
    if (this.config.NODE_ENV === 'production' && !input.endpoint.startsWith('https://'))
      throw new AppError('validation', 'Invalid subscription', [{ path: 'endpoint', message: 'must be an https URL' }]);
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO push_subscription (user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth
       RETURNING id`,
      [user.id, input.endpoint, input.keys.p256dh, input.keys.auth],
    )) as [{ id: string }];
    return { id };
  }

  async unsubscribe(endpoint: string, user: AuthUser): Promise<void> {
    await this.dataSource.query('DELETE FROM push_subscription WHERE endpoint = $1 AND user_id = $2', [endpoint, user.id]);
  }
}
