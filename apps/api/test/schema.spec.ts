import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from '../src/schema/build-schema';

describe('schema.gql', () => {
  it('is what the code defines: regenerate it with `npm run schema` when this fails', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    expect(await buildSchemaSdl()).toBe(committed);
  });

  it('keeps the names other systems code against', () => {
    const sdl = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    for (const line of [
      'commitments(',
      'commitment(id: ID!): Commitment!',
      'agreements(',
      'agreement(id: ID!): Agreement!',
      'parties: [Party!]!',
      'changeCommitmentStatus(input: ChangeCommitmentStatusInput!): ChangeCommitmentStatusPayload!',
      'statusHistory(after: String, first: Int!): StatusChangeConnection!',
      'evidence(after: String, first: Int!): EvidenceConnection!',
    ]) {
      expect(sdl).toContain(line);
    }
  });
});
