import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GrantsModule } from '../grants/grants.module';
import {
  AccidentImport,
  RoadAccident,
  RoadAccidentUser,
  RoadAccidentVehicle,
  RoadSafetyDgo,
} from './accident.entity';
import { AccidentImportService } from './accident-import.service';
import { AccidentStatsService } from './accident-stats.service';
import { DgoService } from './dgo.service';
import { RoadSafetyController } from './road-safety.controller';

/** Road safety: DGO stakes, PDASR on the grants engine, BAAC accidents and their dashboards. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AccidentImport,
      RoadAccident,
      RoadAccidentVehicle,
      RoadAccidentUser,
      RoadSafetyDgo,
    ]),
    GrantsModule,
  ],
  controllers: [RoadSafetyController],
  providers: [AccidentImportService, AccidentStatsService, DgoService],
  exports: [AccidentImportService, DgoService],
})
export class RoadSafetyModule {}
