import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LogbookModule } from '../logbook/logbook.module';
import { CodController } from './cod.controller';
import { CodPosition, CodState, CodTransition } from './cod.entity';
import { CodService } from './cod.service';

@Module({
  imports: [TypeOrmModule.forFeature([CodState, CodTransition, CodPosition]), LogbookModule],
  controllers: [CodController],
  providers: [CodService],
})
export class CodModule {}
