// The web client in a real browser (Debian's Chromium), against the built API and client on a
// database of their own. Build first: `npx nx run api:build && npm run build:web`.
import { describe } from 'node:test';
import { useE2eEnv } from './support/e2e-env.ts';
import { accessibilityScenarios } from './scenarios/accessibility.ts';
import { adminScenarios } from './scenarios/admin.ts';
import { analystDayScenarios } from './scenarios/analyst-day.ts';
import { analystScenarios } from './scenarios/analyst.ts';
import { assigneesScenarios } from './scenarios/assignees.ts';
import { boardScenarios } from './scenarios/board.ts';
import { conflictScenarios } from './scenarios/conflict.ts';
import { digestScenarios } from './scenarios/digest.ts';
import { linkCheckScenarios } from './scenarios/link-checks.ts';
import { liveScenarios } from './scenarios/live.ts';
import { newTeamScenarios } from './scenarios/new-team.ts';
import { sessionScenarios } from './scenarios/session.ts';
import { spanishScenarios } from './scenarios/spanish.ts';
import { exportScenarios, viewerScenarios } from './scenarios/viewer.ts';

// Bounded, but generous: the whole run takes about two minutes on an idle machine and much longer on a busy one.
describe('web client', { timeout: 600_000 }, () => {
  const env = useE2eEnv();
  analystScenarios(env);
  viewerScenarios(env);
  exportScenarios(env);
  conflictScenarios(env);
  spanishScenarios(env);
  accessibilityScenarios(env);
  adminScenarios(env);
  sessionScenarios(env);
  digestScenarios(env);
  liveScenarios(env);
  assigneesScenarios(env);
  boardScenarios(env);
  analystDayScenarios(env);
  newTeamScenarios(env);
  // Last: it adds a source to a seeded commitment.
  linkCheckScenarios(env);
});
