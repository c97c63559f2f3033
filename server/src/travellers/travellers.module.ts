import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AiresService } from './aires.service';
import { BriefingService } from './briefing.service';
import { GrandPassagesService } from './grand-passages.service';
import { SettlementsService } from './settlements.service';
import { TravellersController } from './travellers.controller';
import { TravellersDocumentsService } from './travellers-documents.service';
import { TravellersRulesService } from './travellers-rules.service';
import {
  Aire,
  AireClosure,
  AireOccupancy,
  GrandPassage,
  SchemaPrescription,
  TravellersRule,
  UnlawfulSettlement,
  UnlawfulSettlementEvent,
} from './travellers.entity';

/** Gens du voyage: schéma, aires, grands passages, unlawful-settlement procedure. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      TravellersRule,
      SchemaPrescription,
      Aire,
      AireClosure,
      AireOccupancy,
      GrandPassage,
      UnlawfulSettlement,
      UnlawfulSettlementEvent,
    ]),
  ],
  controllers: [TravellersController],
  providers: [
    AiresService,
    BriefingService,
    GrandPassagesService,
    SettlementsService,
    TravellersDocumentsService,
    TravellersRulesService,
  ],
})
export class TravellersModule {}
