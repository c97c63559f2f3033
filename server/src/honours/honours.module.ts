import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CeremoniesController } from './ceremonies.controller';
import { CeremoniesService } from './ceremonies.service';
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
import { HonoursRetentionService } from './retention.service';
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
  controllers: [HonoursController, CeremoniesController],
  providers: [
    HonoursRulesService,
    DossiersService,
    DossiersImportService,
    PromotionsService,
    CeremoniesService,
    HonoursRetentionService,
  ],
  exports: [HonoursRulesService, DossiersService],
})
export class HonoursModule {}
