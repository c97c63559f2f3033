import { MigrationInterface, QueryRunner } from "typeorm";

export class IncidentsMapFeatures1795868780268 implements MigrationInterface {
    name = 'IncidentsMapFeatures1795868780268'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "incident" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "crisis_id" uuid NOT NULL, "title" text NOT NULL, "kind" text NOT NULL, "severity" text NOT NULL, "status" text NOT NULL, "description" text, "location" jsonb NOT NULL, "min_lon" double precision NOT NULL, "min_lat" double precision NOT NULL, "max_lon" double precision NOT NULL, "max_lat" double precision NOT NULL, "commune_insee" text, "commune_name" text, "counters" jsonb NOT NULL DEFAULT '{}', "exercise" boolean NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f90b28b0b8238d89ee8edcf96e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_40a5843a2135211477c8cd3b71" ON "incident"  ("crisis_id", "min_lon", "max_lon", "min_lat", "max_lat") `);
        await queryRunner.query(`CREATE TABLE "map_feature" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "crisis_id" uuid NOT NULL, "kind" text NOT NULL, "label" text, "description" text, "incident_id" uuid, "geometry" jsonb NOT NULL, "min_lon" double precision NOT NULL, "min_lat" double precision NOT NULL, "max_lon" double precision NOT NULL, "max_lat" double precision NOT NULL, "affected_communes" jsonb NOT NULL, "affected_population" integer NOT NULL, "sites" jsonb NOT NULL, "exercise" boolean NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" uuid, CONSTRAINT "PK_ae7da0150ad67431fcc33a52580" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c90eb63efc8956f658983df23c" ON "map_feature"  ("crisis_id", "min_lon", "max_lon", "min_lat", "max_lat") `);
        await queryRunner.query(`ALTER TABLE "incident" ADD CONSTRAINT "FK_d14dd4db37d2f5271e57937ee7a" FOREIGN KEY ("crisis_id") REFERENCES "crisis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "map_feature" ADD CONSTRAINT "FK_11a24b1edb79eaeb2a8a24df67f" FOREIGN KEY ("crisis_id") REFERENCES "crisis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "map_feature" ADD CONSTRAINT "FK_ad5530f7c575b3b43942208e854" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "map_feature" DROP CONSTRAINT "FK_ad5530f7c575b3b43942208e854"`);
        await queryRunner.query(`ALTER TABLE "map_feature" DROP CONSTRAINT "FK_11a24b1edb79eaeb2a8a24df67f"`);
        await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "FK_d14dd4db37d2f5271e57937ee7a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c90eb63efc8956f658983df23c"`);
        await queryRunner.query(`DROP TABLE "map_feature"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_40a5843a2135211477c8cd3b71"`);
        await queryRunner.query(`DROP TABLE "incident"`);
    }

}
