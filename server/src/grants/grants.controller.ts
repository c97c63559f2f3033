import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { decisionSchema } from '../contracts/grants';
import {
  CreateApplicationDto,
  CreateAxisDto,
  CreateCallDto,
  FundQueryDto,
  PaymentDto,
  ReportDto,
  ScoreDto,
  UpdateDocumentsDto,
} from './grants.dto';
import { GrantsService } from './grants.service';
import { GRANTS_READ_ROLES, GRANTS_WRITE_ROLES } from './roles';

/** Call-for-projects engine: FIPD, MILDECA and PDASR calls, applications and their workflow. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  /** Versioned programme rules (caps, minimum amounts, documents), `?fund=`. */
  @Get('rules')
  @Roles(...GRANTS_READ_ROLES)
  rules(@Query() query: FundQueryDto) {
    return this.grants.listRules(query.fund);
  }

  /** Axes (DGO stakes, MILDECA plan axes), `?fund=&year=`. */
  @Get('axes')
  @Roles(...GRANTS_READ_ROLES)
  axes(@Query() query: FundQueryDto) {
    return this.grants.listAxes(query.fund, query.year);
  }

  @Post('axes')
  @Roles(...GRANTS_WRITE_ROLES)
  createAxis(@Body() body: CreateAxisDto) {
    return this.grants.createAxis(body);
  }

  @Get('calls')
  @Roles(...GRANTS_READ_ROLES)
  calls(@Query() query: FundQueryDto) {
    return this.grants.listCalls(query.fund);
  }

  @Post('calls')
  @Roles(...GRANTS_WRITE_ROLES)
  createCall(@Body() body: CreateCallDto, @CurrentUser() user: AuthUser) {
    return this.grants.createCall(body, user);
  }

  @Get('calls/:id')
  @Roles(...GRANTS_READ_ROLES)
  call(@Param('id', ParseUUIDPipe) id: string) {
    return this.grants.getCall(id);
  }

  /** Programme table: committed and paid by axis, applicant and programme. */
  @Get('calls/:id/summary')
  @Roles(...GRANTS_READ_ROLES)
  summary(@Param('id', ParseUUIDPipe) id: string) {
    return this.grants.summary(id);
  }

  /** Adopts the programme once every application is decided. */
  @Post('calls/:id/adopt')
  @HttpCode(200)
  @Roles(...GRANTS_WRITE_ROLES)
  adopt(@Param('id', ParseUUIDPipe) id: string) {
    return this.grants.adoptCall(id);
  }

  @Get('calls/:id/applications')
  @Roles(...GRANTS_READ_ROLES)
  applications(@Param('id', ParseUUIDPipe) id: string) {
    return this.grants.listApplications(id);
  }

  @Post('calls/:id/applications')
  @Roles(...GRANTS_WRITE_ROLES)
  createApplication(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateApplicationDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.grants.createApplication(id, body, user);
  }

  @Get('applications/:id')
  @Roles(...GRANTS_READ_ROLES)
  application(@Param('id', ParseUUIDPipe) id: string) {
    return this.grants.getApplication(id);
  }

  @Put('applications/:id/documents')
  @Roles(...GRANTS_WRITE_ROLES)
  documents(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDocumentsDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.grants.setDocuments(id, body, user);
  }

  @Put('applications/:id/scores')
  @Roles(...GRANTS_WRITE_ROLES)
  scores(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ScoreDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.grants.setScores(id, body, user);
  }

  /** `{action: admit | declare_inadmissible | grant | reject | close, ...}`. */
  @Post('applications/:id/decisions')
  @HttpCode(200)
  @Roles(...GRANTS_WRITE_ROLES)
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    return this.grants.decide(id, parseOrThrow(decisionSchema, body), user);
  }

  @Post('applications/:id/payments')
  @Roles(...GRANTS_WRITE_ROLES)
  pay(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PaymentDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.grants.addPayment(id, body, user);
  }

  @Put('applications/:id/report')
  @Roles(...GRANTS_WRITE_ROLES)
  report(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReportDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.grants.setReport(id, body, user);
  }
}
