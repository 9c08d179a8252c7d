import { ActivityModule } from './modules/activity/activity.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AssigneesModule } from './modules/assignees/assignees.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { CommentsModule } from './modules/comments/comments.module';
import { CommitmentsModule } from './modules/commitments/commitments.module';
import { DigestsModule } from './modules/digests/digests.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { LiveModule } from './modules/live/live.module';
import { PartiesModule } from './modules/parties/parties.module';
import { PresenceModule } from './modules/presence/presence.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { SavedViewsModule } from './modules/saved-views/saved-views.module';
import { ThemesModule } from './modules/themes/themes.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';
import './common/scalars/register-domain-enums';

/** The feature modules that make up the GraphQL schema: the app and the schema writer share this list. */
export const FEATURE_MODULES = [
  ActivityModule,
  AgreementsModule,
  ApiKeysModule,
  AssigneesModule,
  CommentsModule,
  CommitmentsModule,
  DigestsModule,
  EvidenceModule,
  IndicatorsModule,
  LiveModule,
  PartiesModule,
  PresenceModule,
  RemindersModule,
  SavedViewsModule,
  ThemesModule,
  WebhooksModule,
  WorkspacesModule,
];
