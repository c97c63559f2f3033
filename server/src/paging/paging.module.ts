import { Module } from '@nestjs/common';

/** Placeholder wired into AppModule and the worker; the paging owner fills it. */
@Module({})
export class PagingModule {}
