import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactGroup, ContactGroupMember } from './contact-group.entity';
import { Contact } from './contact.entity';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { ContactsTransferService } from './contacts-transfer.service';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { RecipientsController } from './recipients.controller';
import { RecipientsService } from './recipients.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';
import { RosterShift } from './roster-shift.entity';
import { Service } from './service.entity';

/** Services, contacts, groups and astreintes; resolves a page's recipients (RecipientsService). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Service, Contact, ContactGroup, ContactGroupMember, RosterShift]),
  ],
  controllers: [
    DirectoryController,
    ContactsController,
    GroupsController,
    RostersController,
    RecipientsController,
  ],
  providers: [
    DirectoryService,
    ContactsService,
    ContactsTransferService,
    GroupsService,
    RostersService,
    RecipientsService,
  ],
  exports: [DirectoryService, RecipientsService],
})
export class DirectoryModule {}
