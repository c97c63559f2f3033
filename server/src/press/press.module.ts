import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Communique, CommuniqueTransition, CommuniqueVersion } from './communique.entity';
import { CommuniquesController, PublicCommuniquesController } from './communiques.controller';
import { CommuniquesService } from './communiques.service';
import { ReferenceModule } from '../reference/reference.module';
import { TerritoryService } from '../reference/territory.service';
import { OFFICIALS_SOURCE } from './officials';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';
import { PublicationsController } from './publications.controller';
import { PublicationsService } from './publications.service';
import { PressController } from './press.controller';
import { PressContactsService } from './press-contacts.service';
import { PressRequestsService } from './press-requests.service';
import { PressContactProfile } from './press-contact.entity';
import { PressRequest } from './press-request.entity';
import { PressSettings } from './press-settings';
import { PressRule } from './press-rule.entity';
import { AdministrativeAct, RaaIssue } from './publication.entity';
import { Visit, VisitOfficialNotice, VisitSequence } from './visit.entity';

/**
 * Press and communication: communiqués and their validation, press contacts and lists, press
 * requests, visits, official publications (acts register, RAA). PagesService and PagingSettings
 * are taken from the PagingModule through the ModuleRef (non-strict): the paging module does
 * not export them.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Communique,
      CommuniqueVersion,
      CommuniqueTransition,
      PressContactProfile,
      PressRequest,
      PressRule,
      Visit,
      VisitSequence,
      VisitOfficialNotice,
      AdministrativeAct,
      RaaIssue,
    ]),
    ReferenceModule,
  ],
  controllers: [CommuniquesController, PublicCommuniquesController, PressController, PublicationsController, VisitsController],
  providers: [PressSettings, CommuniquesService, PressContactsService, PressRequestsService, PublicationsService, VisitsService, { provide: OFFICIALS_SOURCE, useExisting: TerritoryService }],
})
export class PressModule {}
