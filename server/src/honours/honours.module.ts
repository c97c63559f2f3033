import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossiersImportService } from './dossiers-import.service';
import { DossiersService } from './dossiers.service';
import { HonoursController } from './honours.controller';
import {
  HonoursCeremony,
  HonoursDossier,
  HonoursDossierTransition,
  HonoursPromotion,
  HonoursRuleSet,
} from './honours.entity';
import { PromotionsService } from './promotions.service';
import { HonoursRulesService } from './rules.service';

/** Honours and medals: rule tables, eligibility, dossiers, promotions and arrêtés, ceremonies. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      HonoursRuleSet,
      HonoursPromotion,
      HonoursDossier,
      HonoursDossierTransition,
      HonoursCeremony,
    ]),
  ],
  controllers: [HonoursController],
  providers: [HonoursRulesService, DossiersService, DossiersImportService, PromotionsService],
  exports: [HonoursRulesService, DossiersService],
})
export class HonoursModule {}
