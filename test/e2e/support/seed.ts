// Fixed ids of the seed (apps/api/src/database/seeds/us-mexico-migration-talks.seed-data.ts).
export const SEED = {
  mxSmuggling: '00000000-0000-4000-8000-000000000701',
  mxHumaneBorder: '00000000-0000-4000-8000-000000000702',
  usCbpCrackdown: '00000000-0000-4000-8000-000000000703',
  usRepatriationFlights: '00000000-0000-4000-8000-000000000704',
  jointStatement: '00000000-0000-4000-8000-000000000705',
  migrationTalks: '00000000-0000-4000-8000-000000000601',
} as const;

export const TITLES = {
  mxSmuggling: 'Mexico to crack down on human smuggling',
  jointStatement: 'Publish a joint US–Mexico statement on the talks',
  mxHumaneBorder: 'Mexico to manage the border humanely, including repatriation of migrants',
  usCbpCrackdown: 'CBP crackdown on human smugglers and legal consequences for illegal entry',
} as const;
