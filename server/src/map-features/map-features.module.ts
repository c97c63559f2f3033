import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module';
import { MapFeaturesController } from './map-features.controller';
import { MapFeaturesService } from './map-features.service';

/** Perimeters and points drawn on the crisis map, with their impact computed on save. */
@Module({
  imports: [ReferenceModule],
  controllers: [MapFeaturesController],
  providers: [MapFeaturesService],
  exports: [MapFeaturesService],
})
export class MapFeaturesModule {}
