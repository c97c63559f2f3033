import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** The module's view of the configuration: the public base URL of the links it writes. */
@Injectable()
export class PressSettings {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get publicUrl(): string {
    return (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/+$/, '');
  }
}
