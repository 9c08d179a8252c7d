import { Permission } from '@pactwatch/domain';
import { Mutation, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { LoadExampleDataPayload } from './dto/example-data.payload';
import { ExampleDataService } from './example-data.service';

@Resolver()
export class ExampleDataResolver {
  constructor(private readonly exampleData: ExampleDataService) {}

  @Mutation(() => LoadExampleDataPayload, {
    description: 'Loads the US–Mexico example (the seed, with new ids) into a workspace with no agreement yet; CONFLICT otherwise. Owners only.',
  })
  @Access(Permission.MANAGE_WORKSPACE)
  loadExampleData(@CurrentCaller() caller: Caller) {
    return this.exampleData.load(caller);
  }
}
