import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DirectoryService } from './directory.service';
import { Service } from './service.entity';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('services')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  /** The directory of services the COD tasks and pages. */
  @Get()
  list(): Promise<Service[]> {
    return this.directory.list();
  }
}
