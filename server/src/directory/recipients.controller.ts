import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { RecipientsDto } from './directory.dto';
import { RecipientsService } from './recipients.service';
import { DIRECTORY_READ_ROLES } from './roles';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  /** Who a page to these recipients would reach now, with counts; 400 listing every problem. */
  @Post('preview')
  @HttpCode(200)
  @Roles(...DIRECTORY_READ_ROLES)
  preview(@Body() body: RecipientsDto) {
    return this.recipients.preview(body);
  }
}
