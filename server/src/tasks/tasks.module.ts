import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LogbookModule } from '../logbook/logbook.module';
import { Task, TaskTransition } from './task.entity';
import { TasksController } from './tasks.controller';
import { TasksOverdueProcessor } from './tasks.processor';
import { TasksService } from './tasks.service';

/** Demandes de concours to services, their state machine and the overdue scan. */
@Module({
  imports: [TypeOrmModule.forFeature([Task, TaskTransition]), LogbookModule],
  controllers: [TasksController],
  providers: [TasksService, TasksOverdueProcessor],
  exports: [TasksService],
})
export class TasksModule {}
