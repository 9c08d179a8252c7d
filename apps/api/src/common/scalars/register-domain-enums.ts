import { registerEnumType } from '@nestjs/graphql';
import {
  AgreementKind,
  ApiKeyScope,
  Permission,
  Role,
  CommitmentLinkKind,
  CommitmentPriority,
  CommitmentStatus,
  EvidenceKind,
  EvidenceStance,
  StatusChangeKind,
  StatusReasonCode,
  PartyKind,
} from '@pactwatch/domain';

// The vocabulary lives in libs/domain (shared with the web client); GraphQL learns it here, once.
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus' });
registerEnumType(StatusChangeKind, { name: 'StatusChangeKind', description: 'An entry of the status history: a move to another status, or a progress note.' });
registerEnumType(StatusReasonCode, { name: 'StatusReasonCode', description: 'Why a commitment stalled or broke.' });
registerEnumType(CommitmentPriority, { name: 'CommitmentPriority' });
registerEnumType(AgreementKind, { name: 'AgreementKind' });
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });
registerEnumType(EvidenceStance, {
  name: 'EvidenceStance',
  description: 'Whether the source shows the commitment being kept (SUPPORTS), not being kept (CONTRADICTS), or only gives context (CONTEXT). A move to FULFILLED or PARTIALLY_FULFILLED needs at least one SUPPORTS source; a move to BROKEN needs at least one that is not SUPPORTS.',
});
registerEnumType(CommitmentLinkKind, { name: 'CommitmentLinkKind' });
registerEnumType(Role, { name: 'Role', description: 'VIEWER reads; ANALYST also changes the tracker; ADMIN also manages members and keys; OWNER also the workspace.' });
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', description: 'READ reads; READ_WRITE also changes the tracker, as an analyst would.' });
registerEnumType(Permission, { name: 'Permission' });
registerEnumType(PartyKind, { name: 'PartyKind', description: 'COUNTRY: an ISO 3166-1 country; CUSTOM: a body the team added (EU, UNHCR).' });
