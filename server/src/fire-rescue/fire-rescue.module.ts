import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../common/workflow/clock';
import { FireRescueController } from './fire-rescue.controller';
import {
  Cis,
  CisSectorCommune,
  FireRescueRule,
  FireStat,
  FrameworkDocument,
} from './fire-rescue.entity';
import { FireRescueService } from './fire-rescue.service';

/** Fire and rescue oversight: CIS and first-call sectors, framework documents, statistics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Cis, CisSectorCommune, FrameworkDocument, FireStat, FireRescueRule]),
  ],
  controllers: [FireRescueController],
  providers: [Clock, FireRescueService],
  exports: [FireRescueService],
})
export class FireRescueModule {}
