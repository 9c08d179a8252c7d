import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { Accounts1764400000000 } from './1764400000000-accounts';
import { Digests1764500000000 } from './1764500000000-digests';
import { Live1764600000000 } from './1764600000000-live';
import { LiveOrder1764700000000 } from './1764700000000-live-order';
import { EvidenceOrderCovering1764800000000 } from './1764800000000-evidence-order-covering';
import { AccountSafety1764900000000 } from './1764900000000-account-safety';
import { AccessSignals1764910000000 } from './1764910000000-access-signals';
import { ReferenceData1764940000000 } from './1764940000000-reference-data';
import { BilingualSearch1764950000000 } from './1764950000000-bilingual-search';
import { StatusOccurredOn1764950000001 } from './1764950000001-status-occurred-on';
import { Archive1764960000000 } from './1764960000000-archive';
import { SignUpLocale1764970000000 } from './1764970000000-sign-up-locale';
import { SavedViews1764980000000 } from './1764980000000-saved-views';
import { DigestAcceptance1765020000000 } from './1765020000000-digest-acceptance';
import { DigestNextDue1765020000001 } from './1765020000001-digest-next-due';
import { ProgressNotes1765030000000 } from './1765030000000-progress-notes';
import { ImportReferences1765040000000 } from './1765040000000-import-references';
import { CommitmentAssignees1765050000000 } from './1765050000000-commitment-assignees';
import { Webhooks1765060000000 } from './1765060000000-webhooks';
import { Reminders1765070000000 } from './1765070000000-reminders';
import { LinkChecks1765080000000 } from './1765080000000-link-checks';
import { DigestLeaseDropped1765090000000 } from './1765090000000-digest-lease-dropped';
import { RequestCountsUnlogged1765100000000 } from './1765100000000-request-counts-unlogged';
import { ActivityConcerns1765110000000 } from './1765110000000-activity-concerns';

// Listed, not globbed: the API ships as one webpack bundle with no migration files beside it.
export const MIGRATIONS = [
  InitialSchema1764300000000,
  Accounts1764400000000,
  Digests1764500000000,
  Live1764600000000,
  LiveOrder1764700000000,
  EvidenceOrderCovering1764800000000,
  AccountSafety1764900000000,
  AccessSignals1764910000000,
  ReferenceData1764940000000,
  BilingualSearch1764950000000,
  StatusOccurredOn1764950000001,
  Archive1764960000000,
  SignUpLocale1764970000000,
  SavedViews1764980000000,
  DigestAcceptance1765020000000,
  DigestNextDue1765020000001,
  ProgressNotes1765030000000,
  ImportReferences1765040000000,
  CommitmentAssignees1765050000000,
  Webhooks1765060000000,
  Reminders1765070000000,
  LinkChecks1765080000000,
  DigestLeaseDropped1765090000000,
  RequestCountsUnlogged1765100000000,
  ActivityConcerns1765110000000,
];
