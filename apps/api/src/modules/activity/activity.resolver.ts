import { Permission } from '@pactwatch/domain';
import { Args, ArgsType, Field, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID } from 'class-validator';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { ActivityChange } from './activity-change.model';
import { toActivityChange } from './activity-change.mapper';
import { Activity, ActivityConnection, ChangeConnection } from './activity.model';
import { ActivityService } from './activity.service';

@ArgsType()
class ActivityArgs {
  @Field(() => Int) @IsInt() first: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() after?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only the changes to this agreement, commitment, evidence or indicator.' })
  @IsOptional() @IsUUID('all', { message: 'subjectId must be an id' })
  subjectId?: string | null;
}

@ArgsType()
class ChangesArgs {
  @Field(() => Int, { description: 'How many changes, 1 to 100.' }) @IsInt() first: number;
  @Field(() => ID, { nullable: true, description: 'The id of the last change already read (endCursor of the previous page); left out, the feed starts at the oldest change.' })
  @IsOptional() @IsString()
  after?: string | null;
}

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(private readonly activityService: ActivityService) {}

  @Query(() => ActivityConnection, {
    description: 'The change feed of the workspace, newest first: invitations and the admin events (a member given another role or removed, the reminder days changed) only for those who manage members, API keys only for those who manage keys; who joined any reader sees. ACTIVITY_VERBS in libs/domain lists every verb and who sees it.',
  })
  @Access(Permission.READ)
  activity(@Args() args: ActivityArgs, @CurrentCaller() caller: Caller) {
    return this.activityService.list(caller, args.first, args.after, args.subjectId);
  }

  @Query(() => ChangeConnection, {
    description:
      'The change feed for keeping a copy in sync, oldest first: the changes committed after `after`, each once. A change ' +
      'committed later never has a smaller id than one already returned, so a client that pages until hasNextPage is false ' +
      'and later polls again from its endCursor misses none. Shows the same changes as `activity`.',
  })
  @Access(Permission.READ)
  changes(@Args() args: ChangesArgs, @CurrentCaller() caller: Caller) {
    return this.activityService.changes(caller, args.first, args.after);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'What the change concerns, named as it is now: the title of the commitment, agreement or source, the name of the figure, ' +
      'for a comment the title of what it is on; null for other subjects (their before/after name them) or one no longer there.',
  })
  subjectTitle(@Parent() activity: Activity, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.activityService.subjectTitle(loaders, caller.workspaceId, activity.subjectType, activity.subjectId);
  }

  @ResolveField(() => ActivityChange, { description: 'The change, typed by its kind: what `before`/`after` hold, with each field named and typed.' })
  change(@Parent() activity: Activity): ActivityChange {
    return toActivityChange(activity);
  }
}
