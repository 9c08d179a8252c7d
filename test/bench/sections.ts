import { BenchDatabase } from './database';
import { RunningServer } from './servers';

/**
 * Hooks for the figures other work adds to the same report: the digest (issue "digests") and the
 * web client. A section gets the prepared database and a way to start Pactwatch on it, and returns
 * its own Markdown and JSON; `docs/benchmarks.md` shows it under its title, `docs/benchmarks.json`
 * under `sections.<id>`. Until a section is implemented it returns null and the report says so.
 */
export interface BenchSectionContext {
  db: BenchDatabase;
  workspaceId: string;
  /** The bench's READ API key of the seeded workspace. */
  readKey: string;
  /** Starts the built Pactwatch API on the bench database; stop it when done. */
  startPactwatch(): Promise<RunningServer>;
  log(line: string): void;
}

export interface BenchSectionResult {
  markdown: string;
  json: unknown;
}

export interface BenchSection {
  id: string;
  title: string;
  /** Shown while the section is not measured yet. */
  pending: string;
  run(ctx: BenchSectionContext): Promise<BenchSectionResult | null>;
}

export const SECTIONS: BenchSection[] = [
  {
    id: 'digest',
    title: 'Digest',
    pending: 'Not measured yet: the digest figures are added here when the digest work lands (implement `run` of the `digest` section in test/bench/sections.ts).',
    run: async () => null,
  },
  {
    id: 'webClient',
    title: 'Web client',
    pending: 'Not measured yet: the web-client figures are added here when that work lands (implement `run` of the `webClient` section in test/bench/sections.ts).',
    run: async () => null,
  },
];
