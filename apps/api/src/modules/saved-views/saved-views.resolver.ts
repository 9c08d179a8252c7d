import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Caller } from '../../common/context/gql-context';
import { MaxItems } from '../../common/security/list-bounds';
import { DeleteViewInput, DeleteViewPayload, SavedViewPayload, SaveViewInput, UpdateViewInput } from './dto/saved-view.inputs';
import { SavedView } from './saved-view.model';
import { SavedViewsService } from './saved-views.service';

@Resolver(() => SavedView)
export class SavedViewsResolver {
  constructor(private readonly views: SavedViewsService) {}

  @MaxItems(500)
  @Query(() => [SavedView], { description: 'The views you may use, by name: those shared with the workspace and your own private ones (an API key: the shared ones).' })
  @Access(Permission.READ)
  savedViews(@CurrentCaller() caller: Caller) {
    return this.views.list(caller);
  }

  @Mutation(() => SavedViewPayload, { description: 'Saves a filter and order under a name, private or (analysts and above) shared.' })
  @Access(Permission.READ, { person: true })
  async saveView(@Args('input') input: SaveViewInput, @CurrentCaller() caller: Caller) {
    return { view: await this.views.save(caller, input) };
  }

  @Mutation(() => SavedViewPayload, { description: 'Renames, refilters, shares or unshares your own view; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.READ, { person: true })
  async updateView(@Args('input') input: UpdateViewInput, @CurrentCaller() caller: Caller) {
    return { view: await this.views.update(caller, input) };
  }

  @Mutation(() => DeleteViewPayload, { description: 'Deletes your own view; watches of it end, outside recipients keep its filter.' })
  @Access(Permission.READ, { person: true })
  async deleteView(@Args('input') input: DeleteViewInput, @CurrentCaller() caller: Caller) {
    await this.views.remove(caller, input);
    return { removedViewId: input.id };
  }
}
