import { MigrationInterface, QueryRunner } from 'typeorm';

// Search in English and Spanish alike, accents ignored, over a commitment's own text and the notes
// of its status changes and the titles of its sources.
//
// Every text is indexed three ways into one tsvector (positions of each part are shifted by `||`,
// so a phrase never spans two of them):
//   pactwatch_en   unaccent, then the English stemmer          "deportation" → deport
//   pactwatch_es   unaccent, then the Spanish stemmer          "deportación", "deportacion" → deportacion
//   spanish        the Spanish stemmer on the accented word    "deportación", "deportados" → deport
// and a query is the OR of the same three readings. The third reading is there because the Spanish
// stemmer only recognises accented suffixes (-ación): unaccented first, "deportación" no longer
// shares a stem with "deportados"; the second is there because people type without accents.
//
// The document is a plain column kept by triggers, not a generated column: notes and source titles
// live in other tables. The triggers work per statement on transition tables, so the seed and
// benchmark bulk inserts refresh each commitment once per statement. The functions are IMMUTABLE
// because to_tsvector/websearch_to_tsquery with a fixed configuration are (the unaccent dictionary
// inside a configuration is fine; it is the unaccent() function that is only STABLE).
export class BilingualSearch1764950000000 implements MigrationInterface {
  name = 'BilingualSearch1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS unaccent;

      ALTER TABLE commitments DROP COLUMN search_vector;
      ALTER TABLE commitments ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;

      CREATE TEXT SEARCH CONFIGURATION pactwatch_en (COPY = pg_catalog.english);
      ALTER TEXT SEARCH CONFIGURATION pactwatch_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
      CREATE TEXT SEARCH CONFIGURATION pactwatch_es (COPY = pg_catalog.spanish);
      ALTER TEXT SEARCH CONFIGURATION pactwatch_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

      CREATE FUNCTION pactwatch_tsvector(body text, weight "char") RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(
          to_tsvector('public.pactwatch_en', coalesce(body, '')) ||
          to_tsvector('public.pactwatch_es', coalesce(body, '')) ||
          to_tsvector('pg_catalog.spanish', coalesce(body, '')),
          weight)
      $$;

      -- Web-search syntax (words, "phrases", -exclusions), read as English or Spanish.
      CREATE FUNCTION pactwatch_tsquery(query text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT websearch_to_tsquery('public.pactwatch_en', query) ||
               websearch_to_tsquery('public.pactwatch_es', query) ||
               websearch_to_tsquery('pg_catalog.spanish', query)
      $$;

      -- A commitment's document. Notes (newest first) and source titles are capped so that a
      -- commitment with a very long history stays well under tsvector's 1 MB limit: a write must
      -- never fail because of search.
      CREATE FUNCTION commitment_search_document(title text, description text, source_quote text, notes text, source_titles text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT pactwatch_tsvector(title, 'A') || pactwatch_tsvector(description, 'B') || pactwatch_tsvector(source_quote, 'C') ||
               pactwatch_tsvector(left(notes, 50000), 'C') || pactwatch_tsvector(left(source_titles, 20000), 'D')
      $$;

      -- Rebuilds the documents of many commitments in one set-based statement (hash joins, not a
      -- lookup per commitment: the bench's bulk insert of 25,000 source links takes 2 s, not 44 s).
      CREATE FUNCTION refresh_commitment_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        WITH notes AS (
          SELECT s.commitment_id AS id, string_agg(s.note, E'\\n' ORDER BY s.created_at DESC, s.id DESC) AS body
          FROM status_changes s WHERE s.commitment_id = ANY(ids) GROUP BY s.commitment_id
        ), titles AS (
          SELECT ce.commitment_id AS id, string_agg(e.title, E'\\n' ORDER BY ce.created_at DESC, e.id DESC) AS body
          FROM commitment_evidence ce JOIN evidence e ON e.id = ce.evidence_id WHERE ce.commitment_id = ANY(ids) GROUP BY ce.commitment_id
        )
        UPDATE commitments c SET search_vector = commitment_search_document(c.title, c.description, c.source_quote, notes.body, titles.body)
        FROM unnest(ids) AS t(id) LEFT JOIN notes ON notes.id = t.id LEFT JOIN titles ON titles.id = t.id
        WHERE c.id = t.id
      $$;

      -- A new commitment has no notes or sources yet (they reference it); an edited one keeps its own.
      CREATE FUNCTION commitment_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := commitment_search_document(NEW.title, NEW.description, NEW.source_quote,
          CASE WHEN TG_OP = 'UPDATE' THEN (SELECT string_agg(s.note, E'\\n' ORDER BY s.created_at DESC, s.id DESC) FROM status_changes s WHERE s.commitment_id = NEW.id) END,
          CASE WHEN TG_OP = 'UPDATE' THEN (SELECT string_agg(e.title, E'\\n' ORDER BY ce.created_at DESC, e.id DESC)
            FROM commitment_evidence ce JOIN evidence e ON e.id = ce.evidence_id WHERE ce.commitment_id = NEW.id) END);
        RETURN NEW;
      END $$;
      CREATE TRIGGER commitments_search BEFORE INSERT OR UPDATE OF title, description, source_quote ON commitments
        FOR EACH ROW EXECUTE FUNCTION commitment_search_own();

      -- Each of these names the commitments a statement touched in a transition table "touched"
      -- with a column commitment_id.
      CREATE FUNCTION commitment_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_commitment_search(ARRAY(SELECT DISTINCT commitment_id FROM touched));
        RETURN NULL;
      END $$;
      CREATE TRIGGER status_changes_search AFTER INSERT ON status_changes
        REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_refresh();
      CREATE TRIGGER commitment_evidence_search_added AFTER INSERT ON commitment_evidence
        REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_refresh();
      CREATE TRIGGER commitment_evidence_search_removed AFTER DELETE ON commitment_evidence
        REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_refresh();

      -- A source's title is on every commitment it is attached to.
      CREATE FUNCTION evidence_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_commitment_search(ARRAY(
          SELECT DISTINCT ce.commitment_id FROM commitment_evidence ce
          JOIN after_update a ON a.id = ce.evidence_id JOIN before_update b ON b.id = a.id
          WHERE a.title IS DISTINCT FROM b.title));
        RETURN NULL;
      END $$;
      CREATE TRIGGER evidence_search AFTER UPDATE ON evidence
        REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
        FOR EACH STATEMENT EXECUTE FUNCTION evidence_search_refresh();

      SELECT refresh_commitment_search(ARRAY(SELECT id FROM commitments));
      CREATE INDEX commitments_search_idx ON commitments USING gin (search_vector);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS evidence_search ON evidence;
      DROP TRIGGER IF EXISTS commitment_evidence_search_removed ON commitment_evidence;
      DROP TRIGGER IF EXISTS commitment_evidence_search_added ON commitment_evidence;
      DROP TRIGGER IF EXISTS status_changes_search ON status_changes;
      DROP TRIGGER IF EXISTS commitments_search ON commitments;
      DROP FUNCTION IF EXISTS evidence_search_refresh(), commitment_search_refresh(), commitment_search_own(), refresh_commitment_search(uuid[]),
        commitment_search_document(text, text, text, text, text), pactwatch_tsquery(text), pactwatch_tsvector(text, "char");
      ALTER TABLE commitments DROP COLUMN search_vector;
      ALTER TABLE commitments ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(source_quote, '')), 'C')
      ) STORED;
      CREATE INDEX commitments_search_idx ON commitments USING gin (search_vector);
      DROP TEXT SEARCH CONFIGURATION IF EXISTS pactwatch_es, pactwatch_en;
    `);
  }
}
