import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceCommunes1795867504200 implements MigrationInterface {
  name = 'ReferenceCommunes1795867504200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "commune" ("insee" text NOT NULL, "name" text NOT NULL, "population" integer NOT NULL, "arrondissement" text NOT NULL, "arrondissement_name" text NOT NULL, "postcodes" text array NOT NULL, "label_lon" double precision NOT NULL, "label_lat" double precision NOT NULL, "bbox" double precision array NOT NULL, "outline" jsonb NOT NULL, CONSTRAINT "PK_369aa7bf108e636f10ecc81fb0d" PRIMARY KEY ("insee"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8880c298542bd311a6f4605060" ON "commune"  ("arrondissement") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_8880c298542bd311a6f4605060"`);
    await queryRunner.query(`DROP TABLE "commune"`);
  }
}
