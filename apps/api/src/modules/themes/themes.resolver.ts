import { Permission } from '@pactwatch/domain';
import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Theme } from './theme.model';
import { ThemesService } from './themes.service';

@Resolver(() => Theme)
export class ThemesResolver {
  constructor(private readonly themesService: ThemesService) {}

  @Query(() => [Theme], { description: 'Every theme of the workspace, by name.' })
  @Access(Permission.READ)
  themes(@CurrentCaller() caller: Caller) {
    return this.themesService.list(caller.workspaceId);
  }
}
