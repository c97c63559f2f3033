import { MigrationInterface, QueryRunner } from "typeorm";

export class Territory1795877223553 implements MigrationInterface {
    name = 'Territory1795877223553'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "canton" ("code" text NOT NULL, "name" text NOT NULL, "seat_insee" text NOT NULL, "circonscription_code" text NOT NULL, "to_confirm" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_c5fcd42a645a25b2e4d5c627584" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "circonscription" ("code" text NOT NULL, "name" text NOT NULL, "to_confirm" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_b77d14ff9e73e7d4622bf7af61c" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "epci" ("siren" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, CONSTRAINT "PK_579c5569c97144a7e0c5e299554" PRIMARY KEY ("siren"))`);
        await queryRunner.query(`ALTER TABLE "commune" ADD "canton_codes" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "commune" ADD "circonscription_codes" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "commune" ADD "epci_siren" text`);
        await queryRunner.query(`ALTER TABLE "commune" ADD "force_kind" text`);
        await queryRunner.query(`ALTER TABLE "commune" ADD "force_unit" text`);
        await queryRunner.query(`ALTER TABLE "commune" ADD "force_zone" text`);
        await queryRunner.query(`ALTER TABLE "contact" ADD "canton_code" text`);
        await queryRunner.query(`ALTER TABLE "contact" ADD "circonscription_code" text`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_f9b09b85fc427f066298ec41f25" FOREIGN KEY ("canton_code") REFERENCES "canton"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_a6ecabbe5068f564720b77ab79a" FOREIGN KEY ("circonscription_code") REFERENCES "circonscription"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_a6ecabbe5068f564720b77ab79a"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_f9b09b85fc427f066298ec41f25"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "circonscription_code"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "canton_code"`);
        await queryRunner.query(`ALTER TABLE "commune" DROP COLUMN "force_zone"`);
        await queryRunner.query(`ALTER TABLE "commune" DROP COLUMN "force_unit"`);
        await queryRunner.query(`ALTER TABLE "commune" DROP COLUMN "force_kind"`);
        await queryRunner.query(`ALTER TABLE "commune" DROP COLUMN "epci_siren"`);
        await queryRunner.query(`ALTER TABLE "commune" DROP COLUMN "circonscription_codes"`);
        await queryRunner.query(`ALTER TABLE "commune" DROP COLUMN "canton_codes"`);
        await queryRunner.query(`DROP TABLE "epci"`);
        await queryRunner.query(`DROP TABLE "circonscription"`);
        await queryRunner.query(`DROP TABLE "canton"`);
    }

}
