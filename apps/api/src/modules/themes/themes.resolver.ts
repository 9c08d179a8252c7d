import { Permission } from '@pactwatch/domain';
import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { MaxItems } from '../../common/security/list-bounds';
import { CreateThemeInput, SetThemeArchivedInput, ThemePayload, UpdateThemeInput } from './dto/theme.inputs';
import { Theme } from './theme.model';
import { ThemesService } from './themes.service';

@ArgsType()
class ThemesArgs {
  @Field({ defaultValue: false, description: 'Also the archived ones (pickers leave them out).' }) @IsBoolean()
  includeArchived: boolean = false;
}

@Resolver(() => Theme)
export class ThemesResolver {
  constructor(private readonly themesService: ThemesService) {}

  @MaxItems(200)
  @Query(() => [Theme], { description: 'The themes of the workspace, by name; archived ones only when asked.' })
  @Access(Permission.READ)
  themes(@Args() args: ThemesArgs, @CurrentCaller() caller: Caller) {
    return this.themesService.list(caller.workspaceId, args.includeArchived);
  }

  @Mutation(() => ThemePayload)
  @Access(Permission.WRITE)
  createTheme(@Args('input') input: CreateThemeInput, @CurrentCaller() caller: Caller) {
    return this.themesService.create(caller, input);
  }

  @Mutation(() => ThemePayload, { description: 'Relabels a theme; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  updateTheme(@Args('input') input: UpdateThemeInput, @CurrentCaller() caller: Caller) {
    return this.themesService.update(caller, input);
  }

  @Mutation(() => ThemePayload, { description: 'Archives or restores a theme; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  setThemeArchived(@Args('input') input: SetThemeArchivedInput, @CurrentCaller() caller: Caller) {
    return this.themesService.setArchived(caller, input);
  }
}
