import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Commune } from './commune.entity';
import { ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';
import { TerritoryService } from './territory.service';

/** Puy-de-Dôme communes, territorial reference and static map layers (see data/ATTRIBUTION.md). */
@Module({
  imports: [TypeOrmModule.forFeature([Commune])],
  controllers: [ReferenceController],
  providers: [ReferenceService, TerritoryService],
  exports: [ReferenceService, TerritoryService],
})
export class ReferenceModule {}
