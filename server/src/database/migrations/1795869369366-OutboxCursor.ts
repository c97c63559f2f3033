import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxCursor1795869369366 implements MigrationInterface {
    name = 'OutboxCursor1795869369366'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "outbox_cursor" ("name" text NOT NULL, "seq" bigint NOT NULL, CONSTRAINT "PK_a9d62674481cec7aefcc3f97dcb" PRIMARY KEY ("name"))`);
        // the relay's cursor moves to a row of its own, off the counter row writers lock
        await queryRunner.query(`INSERT INTO "outbox_cursor" ("name", "seq") SELECT 'relay', "published" FROM "outbox_counter" WHERE "id" = 1`);
        await queryRunner.query(`ALTER TABLE "outbox_counter" DROP COLUMN "published"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_counter" ADD "published" bigint NOT NULL DEFAULT 0`);
        await queryRunner.query(`UPDATE "outbox_counter" SET "published" = (SELECT "seq" FROM "outbox_cursor" WHERE "name" = 'relay')`);
        await queryRunner.query(`ALTER TABLE "outbox_counter" ALTER COLUMN "published" DROP DEFAULT`);
        await queryRunner.query(`DROP TABLE "outbox_cursor"`);
    }

}
