import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [DirectoryModule, UsersModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
