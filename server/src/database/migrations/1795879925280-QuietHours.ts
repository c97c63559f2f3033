import { MigrationInterface, QueryRunner } from "typeorm";

export class QuietHours1795879925280 implements MigrationInterface {
    name = 'QuietHours1795879925280'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "page_delivery" ADD "not_before" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "page_delivery" DROP COLUMN "not_before"`);
    }

}
