import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { Accounts1764400000000 } from './1764400000000-accounts';
import { Digests1764500000000 } from './1764500000000-digests';
import { Live1764600000000 } from './1764600000000-live';
import { LiveOrder1764700000000 } from './1764700000000-live-order';
import { EvidenceOrderCovering1764800000000 } from './1764800000000-evidence-order-covering';
import { ReferenceData1764940000000 } from './1764940000000-reference-data';

// Listed, not globbed: the API ships as one webpack bundle with no migration files beside it.
export const MIGRATIONS = [InitialSchema1764300000000, Accounts1764400000000, Digests1764500000000, Live1764600000000, LiveOrder1764700000000, EvidenceOrderCovering1764800000000,
  ReferenceData1764940000000];
