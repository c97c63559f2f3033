import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { TasksModule } from '../tasks/tasks.module';
import { SummaryController } from './summary.controller';
import { SummaryService } from './summary.service';

@Module({
  imports: [IncidentsModule, TasksModule],
  controllers: [SummaryController],
  providers: [SummaryService],
})
export class SummaryModule {}
