import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTRIES } from '../../modules/parties/countries';

export class ReferenceData1764940000000 implements MigrationInterface {
  name = 'ReferenceData1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Parties are countries (ISO 3166-1 alpha-2) or bodies a team adds (EU, UNHCR): longer codes.
      ALTER TABLE parties DROP CONSTRAINT parties_code_check;
      ALTER TABLE parties ALTER COLUMN code TYPE text;
      ALTER TABLE parties
        ADD COLUMN kind text NOT NULL DEFAULT 'COUNTRY' CHECK (kind IN ('COUNTRY', 'CUSTOM')),
        -- Null: no Spanish name was given; readers fall back to the English one.
        ADD COLUMN name_es text,
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT parties_code_check CHECK (code ~ '^[A-Z][A-Z0-9]{1,9}$' AND (kind = 'CUSTOM' OR code ~ '^[A-Z]{2}$'));

      ALTER TABLE themes
        ADD COLUMN name_es text,
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      ALTER TABLE organizations
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      ALTER TABLE people
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    `);
    // Parties already there: a country gets its Spanish name from the country list; any other code is a body of the team's.
    await q.query(
      `UPDATE parties p SET name_es = c.name_es FROM unnest($1::text[], $2::text[]) AS c(code, name_es) WHERE p.code = c.code`,
      [COUNTRIES.map((c) => c.code), COUNTRIES.map((c) => c.nameEs)],
    );
    await q.query(`UPDATE parties SET kind = 'CUSTOM' WHERE NOT (code = ANY($1::text[]))`, [COUNTRIES.map((c) => c.code)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE people DROP COLUMN version, DROP COLUMN archived_at, DROP COLUMN created_at, DROP COLUMN updated_at;
      ALTER TABLE organizations DROP COLUMN version, DROP COLUMN archived_at, DROP COLUMN created_at, DROP COLUMN updated_at;
      ALTER TABLE themes DROP COLUMN name_es, DROP COLUMN version, DROP COLUMN archived_at, DROP COLUMN created_at, DROP COLUMN updated_at;
      ALTER TABLE parties DROP CONSTRAINT parties_code_check;
      ALTER TABLE parties DROP COLUMN kind, DROP COLUMN name_es, DROP COLUMN version, DROP COLUMN archived_at, DROP COLUMN created_at, DROP COLUMN updated_at;
      ALTER TABLE parties ALTER COLUMN code TYPE varchar(2);
      ALTER TABLE parties ADD CONSTRAINT parties_code_check CHECK (code ~ '^[A-Z]{2}$');
    `);
  }
}
