import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../common/workflow/clock';
import {
  Intervention,
  InterventionLetter,
  InterventionReminder,
  InterventionRule,
  InterventionTransition,
} from './intervention.entity';
import { InterventionReportsService } from './intervention-reports.service';
import { InterventionRulesService } from './intervention-rules.service';
import { InterventionScheduler } from './intervention-scheduler';
import { InterventionsController } from './interventions.controller';
import { InterventionsService } from './interventions.service';

/** Interventions des élus: register, workflow, letters, reminders, weekly list, purge. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Intervention,
      InterventionTransition,
      InterventionLetter,
      InterventionReminder,
      InterventionRule,
    ]),
  ],
  controllers: [InterventionsController],
  providers: [
    Clock,
    InterventionsService,
    InterventionRulesService,
    InterventionReportsService,
    InterventionScheduler,
  ],
  exports: [InterventionsService, InterventionScheduler],
})
export class InterventionsModule {}
