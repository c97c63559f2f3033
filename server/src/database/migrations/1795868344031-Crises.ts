import { MigrationInterface, QueryRunner } from "typeorm";

export class Crises1795868344031 implements MigrationInterface {
    name = 'Crises1795868344031'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "crisis" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "exercise" boolean NOT NULL DEFAULT false, "description" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_41ae40298d25cee7111828d06f9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2b535a2a2fd6c27875a45ca9d1" ON "crisis"  ("status") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_2b535a2a2fd6c27875a45ca9d1"`);
        await queryRunner.query(`DROP TABLE "crisis"`);
    }

}
