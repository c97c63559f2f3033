import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';
import { RealtimeController } from './realtime.controller';
import { RealtimeGateway } from './realtime.gateway';
import { SyncService } from './sync.service';

@Module({
  controllers: [RealtimeController],
  providers: [RealtimeGateway, OutboxRelay, SyncService],
  exports: [OutboxRelay, SyncService],
})
export class RealtimeModule {}
