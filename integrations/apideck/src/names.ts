import { nonBlank } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import { apideck } from './client';
import { DROPDOWN_PAGE_SIZE } from './constants';
import { userChoice, type DealNames, type OwnerNames } from './map';
import type { Opportunity, Pipeline, User } from './schemas';

/** A deal's names, when nothing names its pipeline or stage. */
export const NO_NAMES: DealNames = { pipeline_name: null, stage_name: null };
/** A record's owner name, when nothing names its owner. */
export const NO_OWNER: OwnerNames = { owner_name: null };

/**
 * The names of a deal's pipeline and stage, from the pipeline list (apideck-crm.md §13: stages come
 * embedded in their pipeline). A stage is looked up in the deal's pipeline; when the deal names no
 * pipeline, in the first pipeline that has a stage with that id.
 */
export const dealNamesFrom =
  (pipelines: readonly Pipeline[]) =>
  (o: Pick<Opportunity, 'pipeline_id' | 'pipeline_stage_id'>): DealNames => {
    const pipelineId = nonBlank(o.pipeline_id);
    const stageId = nonBlank(o.pipeline_stage_id);
    const pipeline = pipelineId === undefined ? undefined : pipelines.find((p) => p.id === pipelineId);
    const stageIn = (p: Pipeline) => (p.stages ?? []).find((st) => st.id === stageId);
    const stage =
      stageId === undefined
        ? undefined
        : pipelineId !== undefined
          ? pipeline && stageIn(pipeline)
          : pipelines.map(stageIn).find((st) => st !== undefined);
    return { pipeline_name: nonBlank(pipeline?.name) ?? null, stage_name: nonBlank(stage?.name) ?? null };
  };

/**
 * The pipeline and stage names of `deals`, with at most one request: the first page of the
 * pipeline list (`GET /crm/pipelines?limit=200`, from the connector `serviceId` names when the deals
 * came from a webhook event), and none when no deal names a pipeline or stage.
 * Only HubSpot, Pipedrive and Salesforce list pipelines through Apideck (§13): when the list
 * cannot be read, the names are empty and the step goes on, since the deal itself was read.
 */
export const dealNames = async (
  z: ZObject,
  deals: readonly Pick<Opportunity, 'pipeline_id' | 'pipeline_stage_id'>[],
  serviceId?: string | null,
): Promise<(o: Pick<Opportunity, 'pipeline_id' | 'pipeline_stage_id'>) => DealNames> => {
  if (!deals.some((o) => nonBlank(o.pipeline_id) ?? nonBlank(o.pipeline_stage_id))) return () => NO_NAMES;
  try {
    const page = await apideck(z).pipelines({ limit: DROPDOWN_PAGE_SIZE }, serviceId ?? undefined);
    return dealNamesFrom(page.items);
  } catch (err) {
    z.console.log(`Pipeline and stage names are empty: the pipelines could not be read (${(err as Error).message}).`);
    return () => NO_NAMES;
  }
};

/** A user's name as an owner output shows it: the name, else first + last name, else the username or email. */
const userName = (u: User): string | null => {
  const choice = userChoice(u);
  return choice.name === u.id ? null : choice.name;
};

/**
 * The owner names of `records`, with at most one request: the first page of the user list
 * (`GET /crm/users?limit=200`, from the connector `serviceId` names when the records came from a
 * webhook event), and none when no record has an owner. Not every connector lists its users (Act!,
 * ActiveCampaign, HubSpot, Pipedrive, Salesforce and Zoho CRM do, apideck-crm.md §0): when the list
 * cannot be read, the names are empty and the step goes on.
 */
export const ownerNames = async (
  z: ZObject,
  records: readonly { owner_id?: string | null }[],
  serviceId?: string | null,
): Promise<(r: { owner_id?: string | null }) => OwnerNames> => {
  if (!records.some((r) => nonBlank(r.owner_id) !== undefined)) return () => NO_OWNER;
  try {
    const page = await apideck(z).users({ limit: DROPDOWN_PAGE_SIZE }, serviceId ?? undefined);
    const names = new Map(page.items.map((u) => [u.id, userName(u)]));
    return (r) => ({ owner_name: names.get(nonBlank(r.owner_id) ?? '') ?? null });
  } catch (err) {
    z.console.log(`Owner names are empty: the users could not be read (${(err as Error).message}).`);
    return () => NO_OWNER;
  }
};
