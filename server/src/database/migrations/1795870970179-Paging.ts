import { MigrationInterface, QueryRunner } from "typeorm";

export class Paging1795870970179 implements MigrationInterface {
    name = 'Paging1795870970179'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "page" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "message" text NOT NULL, "severity" text NOT NULL, "channels" text array NOT NULL, "ack_required" boolean NOT NULL, "escalate_after_sec" integer NOT NULL, "recipients" jsonb NOT NULL, "crisis_id" uuid, "exercise" boolean NOT NULL DEFAULT false, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idempotency_key" text, "request_hash" text NOT NULL, "published_counts" jsonb, "last_repaged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_742f4117e065c5b6ad21b37ba1f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ca2cb8f41c7b9f0fa02b0a9fa1" ON "page"  ("created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_page_idempotency" ON "page"  ("created_by", "idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "page_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "page_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "name" text NOT NULL, "function" text NOT NULL, "service_id" uuid, "commune_insee" text, "email" text, "mobile" text, "landline" text, "user_id" uuid, "deputy_contact_id" uuid, "via" text array NOT NULL, "escalated_from_id" uuid, "escalation_level" integer NOT NULL DEFAULT '1', "generation" integer NOT NULL DEFAULT '0', "next_escalation_at" TIMESTAMP WITH TIME ZONE, "reply_code" text NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_via" text, "acknowledged_by_user_id" uuid, "acknowledged_by_name" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7809049a7f46379ef469080a33e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_626e1fb8ca6747bd4065ec51dc" ON "page_target"  ("next_escalation_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_dd9fe298ee1d912a558fe4a3bb" ON "page_target"  ("mobile") `);
        await queryRunner.query(`CREATE INDEX "IDX_c2c9ab165cdcb23f8f315e2731" ON "page_target"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_page_target_contact" ON "page_target"  ("page_id", "contact_id") `);
        await queryRunner.query(`CREATE TABLE "page_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "page_id" uuid NOT NULL, "target_id" uuid NOT NULL, "channel" text NOT NULL, "escalation_level" integer NOT NULL, "purpose" text NOT NULL DEFAULT 'page', "address" text NOT NULL, "state" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "dispatch_gen" integer NOT NULL DEFAULT '1', "lease_until" TIMESTAMP WITH TIME ZONE, "provider_id" text, "error" text, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5acc972197b9248ec9766bf3585" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_eeb305a005d7b45a48309595ca" ON "page_delivery"  ("state", "queued_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_bb25ba307e97e60599ed0f1962" ON "page_delivery"  ("page_id", "state") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_page_delivery_round" ON "page_delivery"  ("target_id", "channel", "escalation_level") `);
        await queryRunner.query(`CREATE TABLE "push_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "endpoint" text NOT NULL, "p256dh" text NOT NULL, "auth" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_success_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_07fc861c0d2c38c1b830fb9cb5d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ae9b58d71ea5fff546507fae20" ON "push_subscription"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_push_subscription_endpoint" ON "push_subscription"  ("endpoint") `);
        await queryRunner.query(`ALTER TABLE "page" ADD CONSTRAINT "FK_fd7cdb82ce1802ccee47d0df476" FOREIGN KEY ("crisis_id") REFERENCES "crisis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page" ADD CONSTRAINT "FK_9b61a9afdaa3247f401f980f447" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page_target" ADD CONSTRAINT "FK_988f03ff10896a2ceeb7a7a89e7" FOREIGN KEY ("page_id") REFERENCES "page"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page_target" ADD CONSTRAINT "FK_c1424030958b05b3d9910285c50" FOREIGN KEY ("escalated_from_id") REFERENCES "page_target"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page_delivery" ADD CONSTRAINT "FK_1d04c56986acbe95371caff684f" FOREIGN KEY ("page_id") REFERENCES "page"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page_delivery" ADD CONSTRAINT "FK_6cd62b9c259ba17a505f5cfd88e" FOREIGN KEY ("target_id") REFERENCES "page_target"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "push_subscription" ADD CONSTRAINT "FK_ae9b58d71ea5fff546507fae207" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "push_subscription" DROP CONSTRAINT "FK_ae9b58d71ea5fff546507fae207"`);
        await queryRunner.query(`ALTER TABLE "page_delivery" DROP CONSTRAINT "FK_6cd62b9c259ba17a505f5cfd88e"`);
        await queryRunner.query(`ALTER TABLE "page_delivery" DROP CONSTRAINT "FK_1d04c56986acbe95371caff684f"`);
        await queryRunner.query(`ALTER TABLE "page_target" DROP CONSTRAINT "FK_c1424030958b05b3d9910285c50"`);
        await queryRunner.query(`ALTER TABLE "page_target" DROP CONSTRAINT "FK_988f03ff10896a2ceeb7a7a89e7"`);
        await queryRunner.query(`ALTER TABLE "page" DROP CONSTRAINT "FK_9b61a9afdaa3247f401f980f447"`);
        await queryRunner.query(`ALTER TABLE "page" DROP CONSTRAINT "FK_fd7cdb82ce1802ccee47d0df476"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_push_subscription_endpoint"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ae9b58d71ea5fff546507fae20"`);
        await queryRunner.query(`DROP TABLE "push_subscription"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_page_delivery_round"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bb25ba307e97e60599ed0f1962"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_eeb305a005d7b45a48309595ca"`);
        await queryRunner.query(`DROP TABLE "page_delivery"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_page_target_contact"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c2c9ab165cdcb23f8f315e2731"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dd9fe298ee1d912a558fe4a3bb"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_626e1fb8ca6747bd4065ec51dc"`);
        await queryRunner.query(`DROP TABLE "page_target"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_page_idempotency"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ca2cb8f41c7b9f0fa02b0a9fa1"`);
        await queryRunner.query(`DROP TABLE "page"`);
    }

}
