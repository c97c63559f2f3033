import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '../directory/directory.module';
import { LogbookModule } from '../logbook/logbook.module';
import { AcknowledgementsService } from './acknowledgements.service';
import { DeliveryProcessor } from './delivery.processor';
import { EscalationService } from './escalation.service';
import { PageCountsPublisher } from './page-counts.publisher';
import { PageAttachment } from './page-attachment.entity';
import { PageDelivery } from './page-delivery.entity';
import { PageDispatcher } from './page-dispatcher';
import { PageTarget } from './page-target.entity';
import { Page } from './page.entity';
import { PagesController } from './pages.controller';
import { PagesService } from './pages.service';
import { PagingController } from './paging.controller';
import { PagingSettings } from './paging-settings';
import { EmailProvider } from './providers/email.provider';
import { GatewayProvider } from './providers/gateway.provider';
import { PushProvider } from './providers/push.provider';
import { PushSubscription } from './push-subscription.entity';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { QueueBoardController, QueueBoardMiddleware } from './queue-board';
import { PagingReconciler } from './reconciler.service';
import { WebhooksService } from './webhooks.service';

/**
 * Alerte et astreinte: pages to contacts, groups, services on duty and mayors, over e-mail,
 * SMS, voice, web push and the console; acknowledgements, escalation, live counters. Job
 * handlers are registered in every process; they run where workers run (worker process, or
 * the API with VIGIE_INLINE_WORKER).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Page, PageTarget, PageDelivery, PageAttachment, PushSubscription]), DirectoryModule, LogbookModule],
  controllers: [PagesController, PagingController, QueueBoardController],
  providers: [
    PagingSettings,
    PageDispatcher,
    PagesService,
    AcknowledgementsService,
    DeliveryProcessor,
    EscalationService,
    PageCountsPublisher,
    PagingReconciler,
    WebhooksService,
    PushSubscriptionsService,
    EmailProvider,
    GatewayProvider,
    PushProvider,
  ],
  exports: [PagesService],
})
export class PagingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(QueueBoardMiddleware)
      .forRoutes({ path: 'admin/queues', method: RequestMethod.ALL }, { path: 'admin/queues/{*path}', method: RequestMethod.ALL });
  }
}
