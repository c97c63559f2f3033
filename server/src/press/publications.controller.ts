import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { PRESS_WRITE_ROLES } from './communique-workflow';
import { ActInputDto, RaaIssueInputDto, RaaPublishDto } from './press.dto';
import { PublicationsService } from './publications.service';
import { renderRaaPdf } from './raa-pdf';

const pdfFile = (content: Buffer, filename: string) =>
  new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${filename.replace(/[^\w.-]+/g, '_')}"`, length: content.length });

/** Register of acts and recueil des actes administratifs. */
@ApiTags('press')
@ApiBearerAuth()
@Controller('press')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get('acts')
  @Roles(...PRESS_WRITE_ROLES)
  listActs() {
    return this.publications.listActs();
  }

  @Post('acts')
  @Roles(...PRESS_WRITE_ROLES)
  createAct(@Body() body: ActInputDto) {
    return this.publications.createAct(body);
  }

  @Get('acts/:id/pdf')
  @Roles(...PRESS_WRITE_ROLES)
  async actPdf(@Param('id', ParseUUIDPipe) id: string) {
    const { number, pdf } = await this.publications.actPdf(id);
    return pdfFile(pdf, `acte-${number}.pdf`);
  }

  /** 409 until the act is published in a RAA issue. */
  @Post('acts/:id/enforceable')
  @HttpCode(200)
  @Roles(...PRESS_WRITE_ROLES)
  markEnforceable(@Param('id', ParseUUIDPipe) id: string) {
    return this.publications.markEnforceable(id);
  }

  @Get('raa')
  @Roles(...PRESS_WRITE_ROLES)
  listIssues() {
    return this.publications.listIssues();
  }

  @Post('raa')
  @Roles(...PRESS_WRITE_ROLES)
  createIssue(@Body() body: RaaIssueInputDto) {
    return this.publications.createIssue(body);
  }

  @Get('raa/:id')
  @Roles(...PRESS_WRITE_ROLES)
  issue(@Param('id', ParseUUIDPipe) id: string) {
    return this.publications.issue(id);
  }

  @Post('raa/:id/publish')
  @HttpCode(200)
  @Roles(...PRESS_WRITE_ROLES)
  publish(@Param('id', ParseUUIDPipe) id: string, @Body() body: RaaPublishDto) {
    return this.publications.publishIssue(id, body.publishedOn);
  }

  @Get('raa/:id/pdf')
  @Roles(...PRESS_WRITE_ROLES)
  async issuePdf(@Param('id', ParseUUIDPipe) id: string) {
    const issue = await this.publications.issue(id);
    return pdfFile(await renderRaaPdf(issue), `${issue.label.replace('RAA n° ', 'RAA-')}.pdf`);
  }
}
