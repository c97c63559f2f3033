import { Module } from '@nestjs/common';

/** Placeholder wired into AppModule; the module's owner fills it. */
@Module({})
export class TasksModule {}
