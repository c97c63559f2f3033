import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentsModule } from '../incidents/incidents.module';
import { LogbookModule } from '../logbook/logbook.module';
import { PagingModule } from '../paging/paging.module';
import { TasksModule } from '../tasks/tasks.module';
import { Decision, DecisionStep } from './decision.entity';
import { DirectionController } from './direction.controller';
import { DirectionProcessor } from './direction.processor';
import { DirectionRule } from './direction-rule.entity';
import { DecisionsService } from './decisions.service';
import { OverviewService } from './overview.service';
import { SitrepSchedule, SituationReport, SituationReportEvent } from './sitrep.entity';
import { SitrepsService } from './sitreps.service';

/** Direction: decisions asked of the authority, points de situation, the direction view. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Decision, DecisionStep, DirectionRule, SituationReport, SituationReportEvent, SitrepSchedule]),
    IncidentsModule,
    TasksModule,
    LogbookModule,
    PagingModule,
  ],
  controllers: [DirectionController],
  providers: [DecisionsService, SitrepsService, OverviewService, DirectionProcessor],
})
export class DirectionModule {}
