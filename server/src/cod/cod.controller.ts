import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CRISIS_READ_ROLES } from '../crises/audience';
import { CodTransitionDto, PositionSignInDto } from './cod.dto';
import { CodService } from './cod.service';

/** People who sit in the COD room (the public reader and press follow from outside). */
const COD_ROOM_ROLES = CRISIS_READ_ROLES.filter((r) => r !== 'viewer');

@ApiTags('cod')
@ApiBearerAuth()
@Controller('cod')
export class CodController {
  constructor(private readonly cod: CodService) {}

  /** `{level, since, changedBy, crisisId, reason, seq, allowedTransitions}` */
  @Get()
  @Roles(...CRISIS_READ_ROLES)
  state(@CurrentUser() user: AuthUser) {
    return this.cod.state(user);
  }

  /** Roles per transition are checked by the state machine (403 / 409 with details). */
  @Post('transitions')
  @HttpCode(200)
  @Roles(...CRISIS_READ_ROLES)
  transition(@Body() body: CodTransitionDto, @CurrentUser() user: AuthUser) {
    return this.cod.transition(body, user);
  }

  @Get('history')
  @Roles(...CRISIS_READ_ROLES)
  history() {
    return this.cod.history();
  }

  @Get('positions')
  @Roles(...CRISIS_READ_ROLES)
  positions() {
    return this.cod.positions();
  }

  @Post('positions')
  @Roles(...COD_ROOM_ROLES)
  signIn(@Body() body: PositionSignInDto, @CurrentUser() user: AuthUser) {
    return this.cod.signIn(body, user);
  }

  @Post('positions/sign-out')
  @HttpCode(200)
  @Roles(...COD_ROOM_ROLES)
  signOut(@CurrentUser() user: AuthUser) {
    return this.cod.signOut(user);
  }
}
