import { MigrationInterface, QueryRunner } from "typeorm";

export class Directory1795870243706 implements MigrationInterface {
    name = 'Directory1795870243706'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "function" text NOT NULL, "title" text, "service_id" uuid, "commune_insee" text, "mobile" text, "landline" text, "email" text, "user_id" uuid, "deputy_contact_id" uuid, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2cbbe00f59ab6b3bb5b8d19f989" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_contact_email" ON "contact"  ("email") WHERE email IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_3534e314d36421bcaf9d540281" ON "contact"  ("service_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b101ffc3a16b6d468292876be8" ON "contact"  ("commune_insee") `);
        await queryRunner.query(`CREATE TABLE "contact_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c951447393a9f21eb120de84e32" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_214bf84bb5143b975a25e542b6" ON "contact_group"  ("name") `);
        await queryRunner.query(`CREATE TABLE "contact_group_member" ("group_id" uuid NOT NULL, "contact_id" uuid NOT NULL, CONSTRAINT "PK_e88862c5fa53960c0d2d16cde46" PRIMARY KEY ("group_id", "contact_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_923113acf96aa974fffa3289d6" ON "contact_group_member"  ("contact_id") `);
        await queryRunner.query(`CREATE TABLE "roster_shift" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "start" TIMESTAMP WITH TIME ZONE NOT NULL, "end" TIMESTAMP WITH TIME ZONE NOT NULL, "override" boolean NOT NULL DEFAULT false, "rank" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_roster_shift_rank" CHECK ("rank" BETWEEN 1 AND 20), CONSTRAINT "CHK_roster_shift_period" CHECK ("end" > "start"), CONSTRAINT "PK_3572aeedf37ad3d3f2eb35f416d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c42eaf31db39191cf917f03d48" ON "roster_shift"  ("service_id", "start", "end") `);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_3534e314d36421bcaf9d5402817" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_b101ffc3a16b6d468292876be8c" FOREIGN KEY ("commune_insee") REFERENCES "commune"("insee") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_33d4fc93803e7192e150216fffb" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_0bb757cce71db55e975ec9057fc" FOREIGN KEY ("deputy_contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contact_group_member" ADD CONSTRAINT "FK_f64233a45c8e78339424897fb6e" FOREIGN KEY ("group_id") REFERENCES "contact_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contact_group_member" ADD CONSTRAINT "FK_923113acf96aa974fffa3289d61" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_shift" ADD CONSTRAINT "FK_bc4c2a9d125df961d85ce88d4bd" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_shift" ADD CONSTRAINT "FK_a7e107ba755c31094d40de4ecf8" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "roster_shift" DROP CONSTRAINT "FK_a7e107ba755c31094d40de4ecf8"`);
        await queryRunner.query(`ALTER TABLE "roster_shift" DROP CONSTRAINT "FK_bc4c2a9d125df961d85ce88d4bd"`);
        await queryRunner.query(`ALTER TABLE "contact_group_member" DROP CONSTRAINT "FK_923113acf96aa974fffa3289d61"`);
        await queryRunner.query(`ALTER TABLE "contact_group_member" DROP CONSTRAINT "FK_f64233a45c8e78339424897fb6e"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_0bb757cce71db55e975ec9057fc"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_33d4fc93803e7192e150216fffb"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_b101ffc3a16b6d468292876be8c"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_3534e314d36421bcaf9d5402817"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c42eaf31db39191cf917f03d48"`);
        await queryRunner.query(`DROP TABLE "roster_shift"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_923113acf96aa974fffa3289d6"`);
        await queryRunner.query(`DROP TABLE "contact_group_member"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_214bf84bb5143b975a25e542b6"`);
        await queryRunner.query(`DROP TABLE "contact_group"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b101ffc3a16b6d468292876be8"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3534e314d36421bcaf9d540281"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_contact_email"`);
        await queryRunner.query(`DROP TABLE "contact"`);
    }

}
