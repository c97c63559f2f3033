import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  GrantApplication,
  GrantApplicationEvent,
  GrantAxis,
  GrantCall,
  GrantPayment,
  GrantProgrammeRule,
} from './grant.entity';
import { GrantsController } from './grants.controller';
import { GrantsService } from './grants.service';

/** The call-for-projects engine, used by prevention (FIPD, MILDECA) and road safety (PDASR). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      GrantProgrammeRule,
      GrantAxis,
      GrantCall,
      GrantApplication,
      GrantPayment,
      GrantApplicationEvent,
    ]),
  ],
  controllers: [GrantsController],
  providers: [GrantsService],
  exports: [GrantsService],
})
export class GrantsModule {}
