import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CrisesController } from './crises.controller';
import { Crisis } from './crisis.entity';
import { CrisesService } from './crises.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Crisis])],
  controllers: [CrisesController],
  providers: [CrisesService],
  exports: [CrisesService],
})
export class CrisesModule {}
