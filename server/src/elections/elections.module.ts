import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceModule } from '../reference/reference.module';
import { CandidaturesService } from './candidatures.service';
import { Candidature, CandidatureEvent } from './candidature.entity';
import { ElectionsController, PublicElectionsController } from './elections.controller';
import { ElectionsTransferService } from './elections-transfer.service';
import { BureauResult, ElectionRule, Nuance, ResultEvent, Turnout } from './result.entity';
import { ResultsService } from './results.service';
import { ElectionRulesService } from './rules.service';
import { Bureau, Scrutin } from './scrutin.entity';
import { ScrutinsService } from './scrutins.service';
import { TotalsService } from './totals.service';
import { TurnoutService } from './turnout.service';

/** Elections: scrutins, bureaux, candidatures, participation, results night (issue #8). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Scrutin,
      Bureau,
      Candidature,
      CandidatureEvent,
      BureauResult,
      ResultEvent,
      Turnout,
      ElectionRule,
      Nuance,
    ]),
    ReferenceModule,
  ],
  controllers: [ElectionsController, PublicElectionsController],
  providers: [
    ElectionRulesService,
    ScrutinsService,
    CandidaturesService,
    TotalsService,
    ResultsService,
    TurnoutService,
    ElectionsTransferService,
  ],
  exports: [ScrutinsService],
})
export class ElectionsModule {}
