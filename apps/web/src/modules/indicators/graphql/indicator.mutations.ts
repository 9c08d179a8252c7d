import { graphql } from '../../../gql';

export const RecordObservationMutation = graphql(`
  mutation RecordObservation($input: RecordObservationInput!) {
    recordObservation(input: $input) {
      observation { id asOf value current }
      indicator { id }
    }
  }
`);

export const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($input: CreateIndicatorInput!) {
    createIndicator(input: $input) { indicator { id name unit } }
  }
`);
