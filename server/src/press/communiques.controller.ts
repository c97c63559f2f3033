import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, Roles } from '../common/decorators';
import { renderAtom, renderCommuniquePdf, renderPublicPage } from './communique-render';
import { PressSettings } from './press-settings';
import { PRESS_WRITE_ROLES } from './communique-workflow';
import { CommuniquesService, toPublic } from './communiques.service';
import { CommuniqueActionDto, CommuniqueInputDto, CommuniqueUpdateDto, DiffQueryDto, ListCommuniquesQueryDto, ReportQueryDto } from './press.dto';

@ApiTags('press')
@ApiBearerAuth()
@Controller('press/communiques')
export class CommuniquesController {
  constructor(private readonly communiques: CommuniquesService) {}

  @Get()
  @Roles(...PRESS_WRITE_ROLES)
  list(@Query() query: ListCommuniquesQueryDto) {
    return this.communiques.list(query);
  }

  @Post()
  @Roles(...PRESS_WRITE_ROLES)
  create(@Body() body: CommuniqueInputDto, @CurrentUser() user: AuthUser) {
    return this.communiques.create(body, user);
  }

  /** `?year=2026`: published communiqués by month and theme. */
  @Get('report')
  @Roles(...PRESS_WRITE_ROLES)
  report(@Query() query: ReportQueryDto) {
    return this.communiques.report(query.year);
  }

  @Get(':id')
  @Roles(...PRESS_WRITE_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.communiques.get(id, user);
  }

  /** A draft only, quoting its `version` (stale → 409). */
  @Patch(':id')
  @Roles(...PRESS_WRITE_ROLES)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: CommuniqueUpdateDto, @CurrentUser() user: AuthUser) {
    return this.communiques.update(id, body, user);
  }

  /** `{action, note?}`: submit, validate / reject (director, not the author), publish (validated, after the embargo), withdraw, reopen. */
  @Post(':id/actions')
  @HttpCode(200)
  @Roles(...PRESS_WRITE_ROLES)
  act(@Param('id', ParseUUIDPipe) id: string, @Body() body: CommuniqueActionDto, @CurrentUser() user: AuthUser) {
    return this.communiques.act(id, body, user);
  }

  @Get(':id/diff')
  @Roles(...PRESS_WRITE_ROLES)
  diff(@Param('id', ParseUUIDPipe) id: string, @Query() query: DiffQueryDto) {
    return this.communiques.diff(id, query.from, query.to);
  }

  @Get(':id/pdf')
  @Roles(...PRESS_WRITE_ROLES)
  async pdf(@Param('id', ParseUUIDPipe) id: string) {
    const c = await this.communiques.raw(id);
    const content = await renderCommuniquePdf(c);
    return new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${c.reference}.pdf"`, length: content.length });
  }
}

/** What the préfecture website pulls: published communiqués only (never an exercise). The only public routes of the module. */
@ApiTags('public')
@Controller('public')
export class PublicCommuniquesController {
  constructor(
    private readonly communiques: CommuniquesService,
    private readonly settings: PressSettings,
  ) {}

  @Public()
  @Get('communiques')
  async list() {
    return (await this.communiques.published()).map(toPublic);
  }

  @Public()
  @Get('communiques.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  async atom() {
    return renderAtom((await this.communiques.published()).map(toPublic), this.settings.publicUrl);
  }

  @Public()
  @Get('communiques.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page() {
    return renderPublicPage((await this.communiques.published()).map(toPublic), this.settings.publicUrl);
  }

  @Public()
  @Get('communiques/:id.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async one(@Param('id', ParseUUIDPipe) id: string) {
    return renderPublicPage([toPublic(await this.communiques.publishedOne(id))], this.settings.publicUrl, true);
  }

  @Public()
  @Get('communiques/:id')
  async oneJson(@Param('id', ParseUUIDPipe) id: string) {
    return toPublic(await this.communiques.publishedOne(id));
  }
}
