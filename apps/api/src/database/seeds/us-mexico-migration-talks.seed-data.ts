/**
 * Seed data for the first Pactwatch data set: the US–Mexico migration talks of December 2023,
 * drawn from the article in seed/us-mexico-migration-talks.txt (beside DESIGN.md).
 *
 * A pure data module: no ORM, no imports. The loader maps it onto the entities; tests share the
 * fixed UUIDs in SEED_IDS. Every `sourceQuote` is copied character for character from the article.
 *
 * UUID blocks (version nibble 4, variant nibble 8), last group by kind:
 *   000000000001 workspace      0000000001xx parties       0000000002xx organizations
 *   0000000003xx people         0000000004xx themes        0000000005xx evidence
 *   0000000006xx agreements     0000000007xx commitments   0000000008xx status changes
 *   0000000009xx links          0000000010xx indicators    0000000011xx observations
 */

export type CommitmentStatus =
  | 'ANNOUNCED'
  | 'IN_PROGRESS'
  | 'STALLED'
  | 'PARTIALLY_FULFILLED'
  | 'FULFILLED'
  | 'BROKEN';

export interface SeedData {
  workspace: { id: string; name: string; slug: string };
  parties: { id: string; code: string; name: string }[]; // ISO 3166 alpha-2
  organizations: { id: string; partyCode: string; acronym: string; name: string }[];
  people: { id: string; name: string; title: string; organizationId: string }[];
  themes: { id: string; slug: string; name: string; nameEs: string }[];
  evidence: {
    id: string;
    url: string | null;
    title: string;
    publisher: string | null;
    publishedOn: string | null;
    kind: 'OFFICIAL_STATEMENT' | 'NEWS' | 'DATASET' | 'TESTIMONY' | 'OTHER';
    stance: 'SUPPORTS' | 'CONTRADICTS' | 'CONTEXT';
  }[];
  agreements: {
    id: string;
    title: string;
    kind: 'MEETING' | 'DIALOGUE' | 'JOINT_STATEMENT' | 'MOU' | 'TREATY';
    heldOn: string | null;
    signedOn: string | null;
    inForceOn: string | null;
    place: string | null;
    summary: string;
    partyCodes: string[];
    participantIds: string[];
    sourceEvidenceIds: string[];
  }[];
  commitments: {
    id: string;
    agreementId: string;
    title: string;
    description: string;
    sourceQuote: string;
    partyCodes: string[];
    ownerOrganizationId: string;
    ownerPersonId: string | null;
    themeSlugs: string[];
    priority: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
    dueOn: string | null;
    evidenceIds: string[];
    // the status history, oldest first; the first entry has from = null (created as ANNOUNCED);
    // the commitment's current status is the last entry's `to`
    history: {
      id: string;
      from: string | null;
      to: CommitmentStatus;
      note: string;
      reasonCode: string | null;
      at: string; // ISO timestamp
      evidenceIds: string[];
    }[];
  }[];
  links: {
    id: string;
    fromCommitmentId: string;
    toCommitmentId: string;
    kind: 'RECIPROCAL' | 'DEPENDS_ON' | 'SUPERSEDES';
  }[];
  indicators: {
    id: string;
    commitmentId: string;
    name: string;
    unit: string;
    baselineOn: string | null;
    description: string;
    observations: {
      id: string;
      value: number;
      asOf: string;
      evidenceId: string | null;
      note: string | null;
    }[];
  }[];
}

/** Ids that tests share. */
export const SEED_IDS = {
  workspace: '00000000-0000-4000-8000-000000000001',
  parties: {
    US: '00000000-0000-4000-8000-000000000101',
    MX: '00000000-0000-4000-8000-000000000102',
  },
  agreements: {
    migrationTalks: '00000000-0000-4000-8000-000000000601',
  },
  commitments: {
    mxSmuggling: '00000000-0000-4000-8000-000000000701',
    mxHumaneBorder: '00000000-0000-4000-8000-000000000702',
    usCbpCrackdown: '00000000-0000-4000-8000-000000000703',
    usRepatriationFlights: '00000000-0000-4000-8000-000000000704',
    jointStatement: '00000000-0000-4000-8000-000000000705',
  },
  evidence: {
    article: '00000000-0000-4000-8000-000000000501',
    dhsStatement: '00000000-0000-4000-8000-000000000502',
  },
  indicators: {
    deportations: '00000000-0000-4000-8000-000000001001',
    familyMembers: '00000000-0000-4000-8000-000000001002',
  },
} as const;

// Ids only this module needs to name; same blocks as above.
const ORG = {
  DHS: '00000000-0000-4000-8000-000000000201',
  STATE: '00000000-0000-4000-8000-000000000202',
  CBP: '00000000-0000-4000-8000-000000000203',
  ICE: '00000000-0000-4000-8000-000000000204',
  SRE: '00000000-0000-4000-8000-000000000205',
  INM: '00000000-0000-4000-8000-000000000206',
} as const;

const PERSON = {
  mayorkas: '00000000-0000-4000-8000-000000000301',
  blinken: '00000000-0000-4000-8000-000000000302',
  barcena: '00000000-0000-4000-8000-000000000303',
} as const;

const THEME = {
  antiSmuggling: '00000000-0000-4000-8000-000000000401',
  humaneRepatriation: '00000000-0000-4000-8000-000000000402',
  borderEnforcement: '00000000-0000-4000-8000-000000000403',
  jointStatement: '00000000-0000-4000-8000-000000000404',
} as const;

const STATUS_CHANGE = {
  mxSmugglingAnnounced: '00000000-0000-4000-8000-000000000801',
  mxHumaneBorderAnnounced: '00000000-0000-4000-8000-000000000802',
  usCbpCrackdownAnnounced: '00000000-0000-4000-8000-000000000803',
  usRepatriationFlightsAnnounced: '00000000-0000-4000-8000-000000000804',
  jointStatementAnnounced: '00000000-0000-4000-8000-000000000805',
  usRepatriationFlightsInProgress: '00000000-0000-4000-8000-000000000806',
  usCbpCrackdownInProgress: '00000000-0000-4000-8000-000000000807',
} as const;

const LINK = {
  smugglingCrackdowns: '00000000-0000-4000-8000-000000000901',
  repatriation: '00000000-0000-4000-8000-000000000902',
} as const;

const OBSERVATION = {
  deportations20231227: '00000000-0000-4000-8000-000000001101',
  familyMembers20231227: '00000000-0000-4000-8000-000000001102',
} as const;

const C = SEED_IDS.commitments;
const E = SEED_IDS.evidence;
const TALKS_HELD_AT = '2023-12-27T18:00:00Z';
const FOLLOW_UP_AT = '2023-12-28T12:00:00Z';
const ANNOUNCED_NOTE =
  'Announced at the US–Mexico migration talks in Mexico City (Mayorkas and Blinken with their Mexican counterparts), 2023-12-27.';

export const US_MEXICO_SEED: SeedData = {
  workspace: {
    id: SEED_IDS.workspace,
    name: 'US–Mexico migration talks',
    slug: 'us-mexico-migration',
  },

  parties: [
    { id: SEED_IDS.parties.US, code: 'US', name: 'United States' },
    { id: SEED_IDS.parties.MX, code: 'MX', name: 'Mexico' },
  ],

  organizations: [
    { id: ORG.DHS, partyCode: 'US', acronym: 'DHS', name: 'Department of Homeland Security' },
    { id: ORG.STATE, partyCode: 'US', acronym: 'STATE', name: 'Department of State' },
    { id: ORG.CBP, partyCode: 'US', acronym: 'CBP', name: 'Customs and Border Protection' },
    { id: ORG.ICE, partyCode: 'US', acronym: 'ICE', name: 'Immigration and Customs Enforcement' },
    { id: ORG.SRE, partyCode: 'MX', acronym: 'SRE', name: 'Secretaría de Relaciones Exteriores' },
    // Not named in the article; listed in DESIGN.md as Mexico's migration agency. Owns nothing here.
    { id: ORG.INM, partyCode: 'MX', acronym: 'INM', name: 'Instituto Nacional de Migración' },
  ],

  people: [
    {
      id: PERSON.mayorkas,
      name: 'Alejandro Mayorkas',
      title: 'Secretary of Homeland Security',
      organizationId: ORG.DHS,
    },
    {
      id: PERSON.blinken,
      name: 'Antony Blinken',
      title: 'Secretary of State',
      organizationId: ORG.STATE,
    },
    {
      // The article spells the name without the accent ("Alicia Barcena").
      id: PERSON.barcena,
      name: 'Alicia Bárcena',
      title: 'Secretary of Foreign Affairs of Mexico',
      organizationId: ORG.SRE,
    },
  ],

  themes: [
    { id: THEME.antiSmuggling, slug: 'anti-smuggling', name: 'Anti-smuggling', nameEs: 'Lucha contra el tráfico de personas' },
    { id: THEME.humaneRepatriation, slug: 'humane-repatriation', name: 'Humane repatriation', nameEs: 'Repatriación humana' },
    { id: THEME.borderEnforcement, slug: 'border-enforcement', name: 'Border enforcement', nameEs: 'Control fronterizo' },
    { id: THEME.jointStatement, slug: 'joint-statement', name: 'Joint statement', nameEs: 'Declaración conjunta' },
  ],

  evidence: [
    {
      // The article carries no address, publisher or date.
      id: E.article,
      url: null,
      title: 'U.S. and Mexico hold migration talks as caravan heads north',
      publisher: null,
      publishedOn: null,
      kind: 'NEWS',
      stance: 'CONTEXT',
    },
    {
      // Known only through the article ("while the talks were underway"); no address or exact date.
      id: E.dhsStatement,
      url: null,
      title: 'DHS and ICE statements on ongoing repatriation flights to Central America and Venezuela',
      publisher: 'U.S. Department of Homeland Security',
      publishedOn: null,
      kind: 'OFFICIAL_STATEMENT',
      stance: 'SUPPORTS',
    },
  ],

  agreements: [
    {
      id: SEED_IDS.agreements.migrationTalks,
      title: 'US–Mexico migration talks (Mayorkas and Blinken with Mexican counterparts)',
      kind: 'MEETING',
      heldOn: '2023-12-27',
      signedOn: null,
      inForceOn: null,
      place: 'Mexico City',
      summary:
        'U.S. Homeland Security Secretary Alejandro Mayorkas and Secretary of State Antony Blinken met their Mexican counterparts to address record migration levels as a caravan of thousands of migrants headed towards the U.S. southern border. Mexico committed to crack down on human smuggling and to the humane management of the border, including the repatriation of migrants, while DHS and ICE pointed to ongoing repatriation flights to Central America and Venezuela. Mexican diplomat Alicia Bárcena hinted at undisclosed agreements whose details may emerge in a joint statement, which is still awaited.',
      partyCodes: ['US', 'MX'],
      participantIds: [PERSON.mayorkas, PERSON.blinken, PERSON.barcena],
      sourceEvidenceIds: [E.article],
    },
  ],

  commitments: [
    {
      id: C.mxSmuggling,
      agreementId: SEED_IDS.agreements.migrationTalks,
      title: 'Mexico to crack down on human smuggling',
      description:
        'Mexico plans to crack down on the human smuggling that pushes large groups of migrants, sometimes hundreds or thousands at once, to remote areas along the border, easing the load on U.S. border patrol agents.',
      sourceQuote:
        "One notable aspect of the discussions was Mexico's plan to crack down on human smuggling, which has become a major issue leading to the influx of large groups of migrants at remote areas along the border.",
      partyCodes: ['MX'],
      ownerOrganizationId: ORG.SRE,
      ownerPersonId: null,
      themeSlugs: ['anti-smuggling'],
      priority: 'HIGH',
      dueOn: null,
      evidenceIds: [E.article],
      history: [
        {
          id: STATUS_CHANGE.mxSmugglingAnnounced,
          from: null,
          to: 'ANNOUNCED',
          note: ANNOUNCED_NOTE,
          reasonCode: null,
          at: TALKS_HELD_AT,
          evidenceIds: [E.article],
        },
      ],
    },
    {
      id: C.mxHumaneBorder,
      agreementId: SEED_IDS.agreements.migrationTalks,
      title: 'Mexico to manage the border humanely, including repatriation of migrants',
      description:
        'Mexico affirmed its commitment to the humane management of the border, including the repatriation of migrants to their countries of origin before they reach the United States.',
      sourceQuote:
        'Furthermore, Mexico also affirmed its commitment to the humane management of the border, including the repatriation of migrants.',
      partyCodes: ['MX'],
      // The article names only the foreign ministry's diplomat, so SRE owns it rather than INM.
      ownerOrganizationId: ORG.SRE,
      ownerPersonId: null,
      themeSlugs: ['humane-repatriation'],
      priority: 'HIGH',
      dueOn: null,
      evidenceIds: [E.article],
      history: [
        {
          id: STATUS_CHANGE.mxHumaneBorderAnnounced,
          from: null,
          to: 'ANNOUNCED',
          note: ANNOUNCED_NOTE,
          reasonCode: null,
          at: TALKS_HELD_AT,
          evidenceIds: [E.article],
        },
      ],
    },
    {
      id: C.usCbpCrackdown,
      agreementId: SEED_IDS.agreements.migrationTalks,
      title: 'CBP crackdown on human smugglers and legal consequences for illegal entry',
      description:
        'U.S. Customs and Border Protection cracks down on human smugglers and imposes legal consequences for illegal entry; the article credits it with deportations of migrants to their home countries via repatriation flights.',
      sourceQuote:
        'Customs and Border Protection (CBP) recently announced their crackdown on human smugglers, along with their commitment to imposing legal consequences for illegal entry.',
      partyCodes: ['US'],
      ownerOrganizationId: ORG.CBP,
      ownerPersonId: null,
      themeSlugs: ['anti-smuggling', 'border-enforcement'],
      priority: 'HIGH',
      dueOn: null,
      evidenceIds: [E.article],
      history: [
        {
          id: STATUS_CHANGE.usCbpCrackdownAnnounced,
          from: null,
          to: 'ANNOUNCED',
          note: ANNOUNCED_NOTE,
          reasonCode: null,
          at: TALKS_HELD_AT,
          evidenceIds: [E.article],
        },
        {
          id: STATUS_CHANGE.usCbpCrackdownInProgress,
          from: 'ANNOUNCED',
          to: 'IN_PROGRESS',
          note: 'CBP "recently announced" the crackdown, and the article says it "has resulted in the deportation of a significant number of migrants" via repatriation flights.',
          reasonCode: null,
          at: FOLLOW_UP_AT,
          evidenceIds: [E.article],
        },
      ],
    },
    {
      id: C.usRepatriationFlights,
      agreementId: SEED_IDS.agreements.migrationTalks,
      title: 'DHS/ICE repatriation flights to Central America and Venezuela',
      description:
        'DHS and ICE continue repatriation flights to Central America and Venezuela: 460,000 migrants deported since 2023-05-12, including over 70,000 members of families.',
      sourceQuote:
        'In fact, while the talks were underway in Mexico, both the Department of Homeland Security (DHS) and Immigration and Customs Enforcement (ICE) issued statements regarding ongoing repatriation flights to Central America and Venezuela. These efforts, which have already seen 460,000 migrants deported since May 12th, include the repatriation of over 70,000 members of families.',
      partyCodes: ['US'],
      ownerOrganizationId: ORG.ICE,
      ownerPersonId: PERSON.mayorkas,
      themeSlugs: ['humane-repatriation', 'border-enforcement'],
      priority: 'MEDIUM',
      dueOn: null,
      evidenceIds: [E.article, E.dhsStatement],
      history: [
        {
          id: STATUS_CHANGE.usRepatriationFlightsAnnounced,
          from: null,
          to: 'ANNOUNCED',
          note: ANNOUNCED_NOTE,
          reasonCode: null,
          at: TALKS_HELD_AT,
          evidenceIds: [E.article],
        },
        {
          id: STATUS_CHANGE.usRepatriationFlightsInProgress,
          from: 'ANNOUNCED',
          to: 'IN_PROGRESS',
          note: 'DHS and ICE statements describe the repatriation flights to Central America and Venezuela as ongoing: 460,000 migrants deported since May 12th.',
          reasonCode: null,
          at: FOLLOW_UP_AT,
          evidenceIds: [E.dhsStatement],
        },
      ],
    },
    {
      id: C.jointStatement,
      agreementId: SEED_IDS.agreements.migrationTalks,
      title: 'Publish a joint US–Mexico statement on the talks',
      description:
        'Both sides are to publish a joint statement that may give details of undisclosed agreements, as Alicia Bárcena suggested; it is still awaited. The due date is the analysts\' working deadline for the statement, not one the article states.',
      sourceQuote:
        'Additionally, there are hints of undisclosed agreements between the two countries, with the Mexican diplomat, Alicia Barcena, suggesting that more details may emerge in a joint statement.',
      partyCodes: ['US', 'MX'],
      ownerOrganizationId: ORG.STATE,
      ownerPersonId: PERSON.blinken,
      themeSlugs: ['joint-statement'],
      priority: 'MEDIUM',
      dueOn: '2024-01-31',
      evidenceIds: [E.article],
      history: [
        {
          id: STATUS_CHANGE.jointStatementAnnounced,
          from: null,
          to: 'ANNOUNCED',
          note: ANNOUNCED_NOTE,
          reasonCode: null,
          at: TALKS_HELD_AT,
          evidenceIds: [E.article],
        },
      ],
    },
  ],

  links: [
    {
      // The two sides' anti-smuggling crackdowns.
      id: LINK.smugglingCrackdowns,
      fromCommitmentId: C.mxSmuggling,
      toCommitmentId: C.usCbpCrackdown,
      kind: 'RECIPROCAL',
    },
    {
      // Repatriation on both sides.
      id: LINK.repatriation,
      fromCommitmentId: C.mxHumaneBorder,
      toCommitmentId: C.usRepatriationFlights,
      kind: 'RECIPROCAL',
    },
  ],

  indicators: [
    {
      id: SEED_IDS.indicators.deportations,
      commitmentId: C.usRepatriationFlights,
      name: 'Migrants deported since 2023-05-12',
      unit: 'people',
      baselineOn: '2023-05-12',
      description: 'Cumulative migrants deported by the United States since 2023-05-12, as reported by DHS and ICE.',
      observations: [
        {
          id: OBSERVATION.deportations20231227,
          value: 460000,
          asOf: '2023-12-27',
          evidenceId: E.dhsStatement,
          note: 'DHS/ICE: "460,000 migrants deported since May 12th".',
        },
      ],
    },
    {
      id: SEED_IDS.indicators.familyMembers,
      commitmentId: C.usRepatriationFlights,
      name: 'Family members among deportees since 2023-05-12',
      unit: 'people',
      baselineOn: '2023-05-12',
      description: 'Members of families among the migrants repatriated by the United States since 2023-05-12.',
      observations: [
        {
          id: OBSERVATION.familyMembers20231227,
          value: 70000,
          asOf: '2023-12-27',
          evidenceId: E.dhsStatement,
          note: 'Lower bound: the source says "over 70,000 members of families".',
        },
      ],
    },
  ],
};
