import { MigrationInterface, QueryRunner } from "typeorm";

export class Logbook1795868751957 implements MigrationInterface {
    name = 'Logbook1795868751957'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "logbook_entry" ("id" uuid NOT NULL, "crisis_id" uuid NOT NULL, "index" integer NOT NULL, "text" text NOT NULL, "category" text NOT NULL, "cellule" text NOT NULL, "author_id" uuid, "author_name" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE, "incident_id" uuid, "task_id" uuid, "corrects_entry_id" uuid, "source" text NOT NULL, "exercise" boolean NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "CHK_9bfb3c5cb83f4dbe5df082980b" CHECK ("source" IN ('user', 'system')), CONSTRAINT "CHK_0b4ee8bb4fa9628c1b98285f81" CHECK ("index" >= 1), CONSTRAINT "PK_95f2dbd9680db94a7062c725871" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6db93096ca36d75a5de977c995" ON "logbook_entry"  ("crisis_id", "index") `);
        await queryRunner.query(`CREATE TABLE "logbook_head" ("crisis_id" uuid NOT NULL, "last_index" integer NOT NULL, "last_hash" text NOT NULL, "last_entry_id" uuid, CONSTRAINT "PK_5f28a7f0d98a1bd67e82bd1232d" PRIMARY KEY ("crisis_id"))`);
        await queryRunner.query(`CREATE TABLE "logbook_promotion" ("entry_id" uuid NOT NULL, "promoted_by" uuid NOT NULL, "promoted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_03fdfb8ad397d74d78d8451d91c" PRIMARY KEY ("entry_id"))`);
        // the main courante is append-only, for everyone including the application's own role
        await queryRunner.query(`CREATE FUNCTION "logbook_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'logbook_entry is append-only'; END $$`);
        await queryRunner.query(`CREATE TRIGGER "logbook_entry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "logbook_entry"
            FOR EACH STATEMENT EXECUTE FUNCTION "logbook_entry_append_only"()`);
        await queryRunner.query(`ALTER TABLE "logbook_entry" ADD CONSTRAINT "FK_705743f02059bb3873295f43dc2" FOREIGN KEY ("crisis_id") REFERENCES "crisis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "logbook_entry" ADD CONSTRAINT "FK_233399e8a08140b4f349f7cc82a" FOREIGN KEY ("corrects_entry_id") REFERENCES "logbook_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "logbook_head" ADD CONSTRAINT "FK_5f28a7f0d98a1bd67e82bd1232d" FOREIGN KEY ("crisis_id") REFERENCES "crisis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "logbook_promotion" ADD CONSTRAINT "FK_03fdfb8ad397d74d78d8451d91c" FOREIGN KEY ("entry_id") REFERENCES "logbook_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "logbook_promotion" DROP CONSTRAINT "FK_03fdfb8ad397d74d78d8451d91c"`);
        await queryRunner.query(`ALTER TABLE "logbook_head" DROP CONSTRAINT "FK_5f28a7f0d98a1bd67e82bd1232d"`);
        await queryRunner.query(`ALTER TABLE "logbook_entry" DROP CONSTRAINT "FK_233399e8a08140b4f349f7cc82a"`);
        await queryRunner.query(`ALTER TABLE "logbook_entry" DROP CONSTRAINT "FK_705743f02059bb3873295f43dc2"`);
        await queryRunner.query(`DROP TRIGGER "logbook_entry_append_only" ON "logbook_entry"`);
        await queryRunner.query(`DROP FUNCTION "logbook_entry_append_only"()`);
        await queryRunner.query(`DROP TABLE "logbook_promotion"`);
        await queryRunner.query(`DROP TABLE "logbook_head"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6db93096ca36d75a5de977c995"`);
        await queryRunner.query(`DROP TABLE "logbook_entry"`);
    }

}
