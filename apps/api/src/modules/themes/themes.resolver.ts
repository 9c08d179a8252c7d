import { Permission } from '@pactwatch/domain';
import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Theme } from './theme.model';
import { ThemesService } from './themes.service';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver(() => Theme)
export class ThemesResolver {
  constructor(private readonly themesService: ThemesService) {}

  @MaxItems(200)
  @Query(() => [Theme], { description: 'Every theme of the workspace, by name.' })
  @Access(Permission.READ)
  themes(@CurrentCaller() caller: Caller) {
    return this.themesService.list(caller.workspaceId);
  }
}
