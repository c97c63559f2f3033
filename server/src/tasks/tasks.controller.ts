import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES } from '../crises/audience';
import { CreateTaskDto, ListTasksQueryDto, TaskTransitionDto } from './tasks.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** A demande de concours to a service. */
  @Post()
  @Roles(...CRISIS_WRITE_ROLES)
  create(@Body() body: CreateTaskDto, @CurrentUser() user: AuthUser) {
    return this.tasks.create(body, user);
  }

  /** `{data, seq}`; a liaison officer gets their own service's tasks only. */
  @Get()
  @Roles(...CRISIS_READ_ROLES)
  list(@Query() query: ListTasksQueryDto, @CurrentUser() user: AuthUser) {
    return this.tasks.list(query, user);
  }

  @Get(':id')
  @Roles(...CRISIS_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.get(id, user);
  }

  /** `{to, note?}`: the COD makes every transition, the service's liaison officer all but cancel. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...CRISIS_WRITE_ROLES, 'service_liaison')
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TaskTransitionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.tasks.transition(id, body, user);
  }
}
