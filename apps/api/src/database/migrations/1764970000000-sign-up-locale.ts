import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignUpLocale1764970000000 implements MigrationInterface {
  name = 'SignUpLocale1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The language someone signs up in: the confirmation mail is written in it, and the account
      -- keeps it (users.locale) as the language of the web client and of its later emails.
      ALTER TABLE sign_up_requests ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sign_up_requests DROP COLUMN locale');
  }
}
