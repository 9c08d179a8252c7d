import { ActivityEntity } from '../modules/activity/activity.entity';
import { AgreementEntity } from '../modules/agreements/agreement.entity';
import { CommitmentLinkEntity } from '../modules/commitments/commitment-link.entity';
import { CommitmentEntity } from '../modules/commitments/commitment.entity';
import { StatusChangeEntity } from '../modules/commitments/status-change.entity';
import { EvidenceEntity } from '../modules/evidence/evidence.entity';
import { IndicatorEntity } from '../modules/indicators/indicator.entity';
import { ObservationEntity } from '../modules/indicators/observation.entity';
import { OrganizationEntity } from '../modules/parties/organization.entity';
import { PartyEntity } from '../modules/parties/party.entity';
import { PersonEntity } from '../modules/parties/person.entity';
import { ThemeEntity } from '../modules/themes/theme.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';

export const ENTITIES = [
  ActivityEntity,
  AgreementEntity,
  CommitmentEntity,
  CommitmentLinkEntity,
  EvidenceEntity,
  IndicatorEntity,
  ObservationEntity,
  OrganizationEntity,
  PartyEntity,
  PersonEntity,
  StatusChangeEntity,
  ThemeEntity,
  WorkspaceEntity,
];
