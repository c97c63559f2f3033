import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { toPublicUser, UsersService } from './users.service';
import { CreateUserDto, UpdateUserDto } from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list() {
    return (await this.users.list()).map(toPublicUser);
  }

  @Post()
  async create(@Body() body: CreateUserDto) {
    return toPublicUser(await this.users.create(body));
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return toPublicUser(await this.users.get(id));
  }

  @Patch(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto) {
    return toPublicUser(await this.users.update(id, body));
  }
}
