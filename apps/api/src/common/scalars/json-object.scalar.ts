import { GraphQLScalarType } from 'graphql';

/** Output only: the before/after snapshots of the activity log, as JSON objects. */
export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object (output only).',
  serialize: (value) => value,
  parseValue: () => {
    throw new TypeError('JSONObject is an output type');
  },
});
