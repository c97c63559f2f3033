import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GrantsModule } from '../grants/grants.module';
import { PreventionController } from './prevention.controller';
import {
  PreventionBody,
  PreventionMeeting,
  PreventionObligationRule,
  PreventionQpv,
} from './prevention.entity';
import { PreventionService } from './prevention.service';

/** Public security & prevention: CLSPD/CISPD, meetings, obligation; FIPD and MILDECA via grants. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PreventionBody,
      PreventionMeeting,
      PreventionQpv,
      PreventionObligationRule,
    ]),
    GrantsModule,
  ],
  controllers: [PreventionController],
  providers: [PreventionService],
  exports: [PreventionService],
})
export class PreventionModule {}
