import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ACTIVITY_VERBS, DomainError } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { checkOutboundUrl, OutboundUrlError } from '../../common/security/outbound-url';
import { ActivityService } from '../activity/activity.service';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookFilterInput,
} from './dto/webhook-endpoint.inputs';
import { WebhookRunnerService } from './webhook-runner.service';
import { WebhookDelivery, WebhookEndpoint, WebhookFilter } from './webhook.models';
import { WebhooksRepository } from './webhooks.repository';

/** A signing secret in Standard Webhooks' form: whsec_ and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** What an endpoint's activity row says: where and what, never the secret. */
const described = (e: { url: string; kinds: string[]; filter: WebhookFilter; enabled: boolean }) => ({ url: e.url, kinds: e.kinds, filter: e.filter, enabled: e.enabled });

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: WebhooksRepository,
    private readonly runner: WebhookRunnerService,
    private readonly activity: ActivityService,
  ) {}

  list(caller: Caller): Promise<WebhookEndpoint[]> {
    return this.repo.list(caller.workspaceId);
  }

  /** The secret is returned here and never again (it is kept, to sign with). */
  async create(caller: Caller, input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const kinds = checkKinds(input.kinds);
    const url = await this.checkUrl(input.url);
    const filter = await this.checkFilter(caller, input.filter);
    const secret = newSecret();
    return this.dataSource.transaction(async (m) => {
      const id = await this.repo.insert(m, caller.workspaceId, { url, kinds, filter, secret, createdBy: caller.actor.type === 'USER' ? caller.actor.id : null });
      await this.activity.record(m, caller, { verb: 'webhook_endpoint.created', subjectType: 'WebhookEndpoint', subjectId: id, after: described({ url, kinds, filter, enabled: true }) });
      return { endpoint: (await this.repo.find(m, caller.workspaceId, id)) as WebhookEndpoint, secret };
    });
  }

  async update(caller: Caller, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    for (const field of ['url', 'kinds', 'enabled'] as const) {
      if (input[field] === null) throw DomainError.badInput([{ field, message: `${field} cannot be cleared` }]);
    }
    const kinds = input.kinds ? checkKinds(input.kinds) : null;
    const url = input.url ? await this.checkUrl(input.url) : null;
    const filter = input.filter !== undefined ? await this.checkFilter(caller, input.filter) : null;
    return this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, caller, input.id, input.expectedVersion);
      const next = { url: url ?? current.url, kinds: kinds ?? current.kinds, filter: filter ?? current.filter, enabled: input.enabled ?? current.enabled };
      await this.repo.update(m, caller.workspaceId, input.id, next);
      await this.activity.record(m, caller, { verb: 'webhook_endpoint.updated', subjectType: 'WebhookEndpoint', subjectId: input.id, before: described(current), after: described(next) });
      return (await this.repo.find(m, caller.workspaceId, input.id)) as WebhookEndpoint;
    });
  }

  async remove(caller: Caller, input: DeleteWebhookEndpointInput): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, caller, input.id, input.expectedVersion);
      await this.repo.remove(m, caller.workspaceId, input.id);
      await this.activity.record(m, caller, { verb: 'webhook_endpoint.deleted', subjectType: 'WebhookEndpoint', subjectId: input.id, before: described(current) });
    });
  }

  async deliveries(caller: Caller, args: WebhookDeliveriesArgs): Promise<WebhookDelivery[]> {
    if (!(await this.repo.find(this.dataSource, caller.workspaceId, args.endpointId))) throw DomainError.notFound('Webhook endpoint', args.endpointId, 'endpointId');
    return this.repo.deliveries(caller.workspaceId, args.endpointId, args.first);
  }

  /** Sends a recorded delivery's change again, now, and returns the delivery with that attempt. */
  async redeliver(caller: Caller, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.repo.delivery(caller.workspaceId, deliveryId);
    if (!delivery) throw DomainError.notFound('Webhook delivery', deliveryId, 'deliveryId');
    return this.runner.redeliver(caller.workspaceId, delivery);
  }

  /** The SSRF guard at registration (it runs again before every request): BAD_USER_INPUT naming url. */
  private async checkUrl(raw: string): Promise<string> {
    try {
      return (await checkOutboundUrl(raw.trim(), this.runner.policy)).url.toString();
    } catch (err) {
      if (err instanceof OutboundUrlError) throw DomainError.badInput([{ field: 'url', message: `url ${err.message}` }]);
      throw err;
    }
  }

  private async checkFilter(caller: Caller, input: WebhookFilterInput | null | undefined): Promise<WebhookFilter> {
    const filter = { agreementIds: unique(input?.agreementIds), partyIds: unique(input?.partyIds), themeIds: unique(input?.themeIds) };
    const lists = [['agreementIds', 'agreements', 'Agreement'], ['partyIds', 'parties', 'Party'], ['themeIds', 'themes', 'Theme']] as const;
    for (const [field, table, what] of lists) {
      const [unknown] = await this.repo.unknownIds(caller.workspaceId, table, filter[field]);
      // NOT_FOUND naming the field, as for any id that is not the workspace's (the isolation walk holds every operation to it).
      if (unknown) throw DomainError.notFound(what, unknown, field);
    }
    return filter;
  }

  /** The endpoint locked: NOT_FOUND naming id, CONFLICT on a stale version. */
  private async lock(m: EntityManager, caller: Caller, id: string, expectedVersion: number): Promise<WebhookEndpoint> {
    const current = await this.repo.find(m, caller.workspaceId, id, true);
    if (!current) throw DomainError.notFound('Webhook endpoint', id, 'id');
    if (current.version !== expectedVersion) {
      throw DomainError.conflict(`Webhook endpoint ${id} was changed meanwhile: it is at version ${current.version}, not ${expectedVersion}. Reload it and apply your change again.`, {
        field: 'expectedVersion', currentVersion: current.version,
      });
    }
    return current;
  }
}

const unique = (ids: string[] | null | undefined) => [...new Set((ids ?? []).map((id) => id.toLowerCase()))];

/** At least one kind, each a verb of the activity log. */
function checkKinds(kinds: string[]): string[] {
  if (!kinds.length) throw DomainError.badInput([{ field: 'kinds', message: 'kinds must name at least one change kind' }]);
  const unknown = kinds.find((k) => !(k in ACTIVITY_VERBS));
  if (unknown !== undefined) throw DomainError.badInput([{ field: 'kinds', message: `kinds: ${JSON.stringify(unknown.slice(0, 100))} is not a change kind (such as commitment.status_changed)` }]);
  return [...new Set(kinds)];
}
