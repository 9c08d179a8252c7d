import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: the tsvector column, the partial and GIN indexes and the append-only triggers
// are PostgreSQL features an entity diff would not express.
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE parties (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        code varchar(2) NOT NULL CHECK (code ~ '^[A-Z]{2}$'),
        name text NOT NULL,
        UNIQUE (workspace_id, code)
      );

      CREATE TABLE organizations (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        party_id uuid NOT NULL REFERENCES parties(id),
        acronym text NOT NULL,
        name text NOT NULL,
        UNIQUE (workspace_id, acronym)
      );

      CREATE TABLE people (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        organization_id uuid REFERENCES organizations(id),
        name text NOT NULL,
        title text
      );

      CREATE TABLE themes (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        slug text NOT NULL,
        name text NOT NULL,
        UNIQUE (workspace_id, slug)
      );

      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        url text CHECK (url ~* '^https?://'),
        title text NOT NULL,
        publisher text,
        published_on date,
        kind text NOT NULL CHECK (kind IN ('OFFICIAL_STATEMENT','NEWS','DATASET','TESTIMONY','OTHER')),
        stance text NOT NULL CHECK (stance IN ('SUPPORTS','CONTRADICTS','CONTEXT')),
        added_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX evidence_workspace_idx ON evidence (workspace_id, created_at DESC, id DESC);

      CREATE TABLE agreements (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MEETING','DIALOGUE','JOINT_STATEMENT','MOU','TREATY')),
        held_on date,
        signed_on date,
        in_force_on date,
        place text,
        summary text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX agreements_workspace_idx ON agreements (workspace_id, created_at DESC, id DESC);

      CREATE TABLE agreement_parties (
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        party_id uuid NOT NULL REFERENCES parties(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        PRIMARY KEY (agreement_id, party_id)
      );
      CREATE INDEX agreement_parties_party_idx ON agreement_parties (party_id);

      CREATE TABLE agreement_participants (
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        PRIMARY KEY (agreement_id, person_id)
      );

      CREATE TABLE agreement_sources (
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        evidence_id uuid NOT NULL REFERENCES evidence(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, evidence_id)
      );

      CREATE TABLE commitments (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        source_quote text NOT NULL DEFAULT '',
        owner_organization_id uuid REFERENCES organizations(id),
        owner_person_id uuid REFERENCES people(id),
        status text NOT NULL DEFAULT 'ANNOUNCED'
          CHECK (status IN ('ANNOUNCED','IN_PROGRESS','STALLED','PARTIALLY_FULFILLED','FULFILLED','BROKEN')),
        due_on date,
        priority text NOT NULL DEFAULT 'MEDIUM' CHECK (priority IN ('LOW','MEDIUM','HIGH','CRITICAL')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(source_quote, '')), 'C')
        ) STORED
      );
      CREATE INDEX commitments_agreement_idx ON commitments (agreement_id, created_at, id);
      CREATE INDEX commitments_workspace_created_idx ON commitments (workspace_id, created_at, id);
      CREATE INDEX commitments_workspace_due_idx ON commitments (workspace_id, due_on, id);
      CREATE INDEX commitments_workspace_status_idx ON commitments (workspace_id, status);
      CREATE INDEX commitments_search_idx ON commitments USING gin (search_vector);

      CREATE TABLE commitment_parties (
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        party_id uuid NOT NULL REFERENCES parties(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        PRIMARY KEY (commitment_id, party_id)
      );
      CREATE INDEX commitment_parties_party_idx ON commitment_parties (party_id, commitment_id);

      CREATE TABLE commitment_themes (
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        PRIMARY KEY (commitment_id, theme_id)
      );
      CREATE INDEX commitment_themes_theme_idx ON commitment_themes (theme_id, commitment_id);

      CREATE TABLE commitment_evidence (
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        evidence_id uuid NOT NULL REFERENCES evidence(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (commitment_id, evidence_id)
      );
      CREATE INDEX commitment_evidence_order_idx ON commitment_evidence (commitment_id, created_at DESC, evidence_id DESC);

      CREATE TABLE commitment_links (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        from_commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        to_commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('RECIPROCAL','DEPENDS_ON','SUPERSEDES')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_commitment_id <> to_commitment_id),
        UNIQUE (from_commitment_id, to_commitment_id, kind)
      );
      CREATE INDEX commitment_links_to_idx ON commitment_links (to_commitment_id);

      CREATE TABLE status_changes (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        note text NOT NULL DEFAULT '',
        reason_code text,
        actor text NOT NULL,
        commitment_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX status_changes_commitment_idx ON status_changes (commitment_id, created_at DESC, id DESC);

      CREATE TABLE status_change_evidence (
        status_change_id uuid NOT NULL REFERENCES status_changes(id) ON DELETE CASCADE,
        evidence_id uuid NOT NULL REFERENCES evidence(id),
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        PRIMARY KEY (status_change_id, evidence_id)
      );

      CREATE TABLE indicators (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        commitment_id uuid REFERENCES commitments(id) ON DELETE SET NULL,
        name text NOT NULL,
        unit text NOT NULL,
        baseline_on date,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX indicators_commitment_idx ON indicators (commitment_id);

      CREATE TABLE observations (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        value numeric NOT NULL,
        as_of date NOT NULL,
        evidence_id uuid REFERENCES evidence(id),
        note text,
        revises_id uuid REFERENCES observations(id),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX observations_indicator_idx ON observations (indicator_id, as_of, recorded_at);

      CREATE TABLE activity (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id),
        actor_type text NOT NULL CHECK (actor_type IN ('USER','API_KEY','SYSTEM','ANONYMOUS')),
        actor_id uuid,
        actor_label text NOT NULL,
        verb text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX activity_workspace_idx ON activity (workspace_id, id DESC);
      CREATE INDEX activity_subject_idx ON activity (subject_id, id DESC);

      -- History is evidence in its own right: it may grow, never change.
      CREATE FUNCTION forbid_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER activity_append_only BEFORE UPDATE OR DELETE ON activity
        FOR EACH ROW EXECUTE FUNCTION forbid_history_rewrite();
      CREATE TRIGGER status_changes_append_only BEFORE UPDATE ON status_changes
        FOR EACH ROW EXECUTE FUNCTION forbid_history_rewrite();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS activity, observations, indicators, status_change_evidence, status_changes,
        commitment_links, commitment_evidence, commitment_themes, commitment_parties, commitments,
        agreement_sources, agreement_participants, agreement_parties, agreements, evidence, themes,
        people, organizations, parties, workspaces CASCADE;
      DROP FUNCTION IF EXISTS forbid_history_rewrite();
    `);
  }
}
