import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { json, type SimRequest } from '../../server';
import {
  badBody,
  contains,
  EditedId,
  EMAIL,
  Envelope,
  fail,
  isResponse,
  pageOf,
  requiredText,
  says,
  searchOf,
  type LunarSendRoute,
} from './http';
import { isTeamMember, LUNARSEND_STAGES, ownerName, type LunarSendStore, type StoredDeal } from './store';

const DEAL_SEARCH_BY = ['company', 'stage', 'owner', 'email'];

const INVALID_STAGE = says('invalid_stage', `"stage" must be one of ${LUNARSEND_STAGES.join(', ')}.`);
const isoDate = (key: string) => {
  const invalid = says('invalid_date', `"${key}" must be an ISO 8601 date.`);
  return z.string(invalid).refine((v) => !Number.isNaN(Date.parse(v)), invalid);
};
const INVALID_CONTACT_EMAIL = says('invalid_email', '"contact_email" must be a valid email address.');

/**
 * lunarsend.md "Pipeline deals": `company` and `stage` required on create, the documented stages,
 * `deal_size` a number without a currency symbol, ISO dates (`est_close_date` from the older page),
 * `primary_contact` a contact's id, `user_id` a team member's.
 */
const dealData = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(
    {
      ...shape,
      id: z.unknown().optional(),
      deal_size: z
        .number(says('invalid_deal_size', '"deal_size" must be a number without a currency symbol.'))
        .min(0, says('invalid_deal_size', '"deal_size" must be a number without a currency symbol.'))
        .optional(),
      open_date: isoDate('open_date').optional(),
      close_date: isoDate('close_date').nullable().optional(),
      est_close_date: isoDate('est_close_date').nullable().optional(),
      primary_contact: z
        .string({
          error: (issue) => says('invalid_contact', `"primary_contact" ${String(issue.input)} is not a contact.`),
        })
        .optional(),
      contact_email: z.string(INVALID_CONTACT_EMAIL).regex(EMAIL, INVALID_CONTACT_EMAIL).nullable().optional(),
      notes: z.string(says('invalid_field', '"notes" must be text.')).optional(),
      user_id: z
        .string({
          error: (issue) => says('invalid_user', `"user_id" ${String(issue.input)} is not a member of your team.`),
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says('invalid_field', `"${issue.keys[0]}" is not a deal field.`)
          : undefined,
    },
  );
const NewDealData = dealData({ company: requiredText('company'), stage: z.enum(LUNARSEND_STAGES, INVALID_STAGE) });
const DealChanges = dealData({
  company: z.string(says('invalid_field', '"company" must be text.')).optional(),
  stage: z.enum(LUNARSEND_STAGES, INVALID_STAGE).optional(),
});

/**
 * The deal's fields to store, or the error the store's checks find: `primary_contact` must be a
 * contact, `user_id` a team member; `est_close_date` stands for a missing `close_date`, and the
 * server sets `primary_contact` from `contact_email` when it names a contact.
 */
const dealFields = (store: LunarSendStore, data: z.infer<typeof DealChanges>) => {
  if (data.primary_contact !== undefined && !store.contacts.some((c) => c.id === data.primary_contact)) {
    return fail(400, 'invalid_contact', `"primary_contact" ${data.primary_contact} is not a contact.`);
  }
  if (data.user_id !== undefined && !isTeamMember(store, data.user_id)) {
    return fail(400, 'invalid_user', `"user_id" ${data.user_id} is not a member of your team.`);
  }
  const { id: _id, est_close_date, ...fields } = data;
  const out: Partial<StoredDeal> = fields;
  if (out.close_date === undefined && typeof est_close_date === 'string') out.close_date = est_close_date;
  if (out.primary_contact === undefined && typeof out.contact_email === 'string') {
    const email = out.contact_email.toLowerCase();
    const match = store.contacts.find((c) => c.email.toLowerCase() === email);
    if (match) out.primary_contact = match.id;
  }
  return out;
};

const dealView = (store: LunarSendStore, d: StoredDeal) => ({ ...d, owner: ownerName(store, d.user_id) });
/** Deal search results: `deal_id` instead of `id`, and `total_count` on each item. */
const dealSearchView = (store: LunarSendStore, { id, ...d }: StoredDeal, total: number) => ({
  deal_id: id,
  ...d,
  owner: ownerName(store, d.user_id),
  total_count: total,
});

const createDeal = (store: LunarSendStore, req: SimRequest, userId: string) => {
  const body = Envelope.safeParse(req.body);
  if (!body.success) return badBody(body.error);
  const data = NewDealData.safeParse(body.data.data);
  if (!data.success) return badBody(data.error);
  const fields = dealFields(store, data.data);
  if (isResponse(fields)) return fields;
  const deal: StoredDeal = {
    id: randomUUID(),
    deal_size: 0,
    open_date: store.now(),
    close_date: null,
    primary_contact: null,
    contact_email: null,
    notes: '',
    user_id: userId,
    created_at: store.now(),
    company: data.data.company,
    stage: data.data.stage,
    ...fields,
  };
  store.deals.push(deal);
  // Create answers `status: "success"`, wrapped in an array like the other create answers.
  return json(200, [{ status: 'success', data: dealView(store, deal) }]);
};

const editDeal = (store: LunarSendStore, req: SimRequest) => {
  const body = Envelope.safeParse(req.body);
  if (!body.success) return badBody(body.error);
  const edited = EditedId.safeParse(body.data.data);
  if (!edited.success) return badBody(edited.error);
  const deal = store.deals.find((d) => d.id === edited.data.id);
  if (!deal) return fail(404, 'not_found', `No deal with id ${edited.data.id}.`);
  const data = DealChanges.safeParse(body.data.data);
  if (!data.success) return badBody(data.error);
  const fields = dealFields(store, data.data);
  if (isResponse(fields)) return fields;
  Object.assign(deal, fields);
  // edit-deal: `success: true`, wrapped in an array like edit-contact.
  return json(200, [{ success: true, data: dealView(store, deal) }]);
};

/** get-deal: "Repeat the parameter to fetch multiple deals": one envelope per deal found, in the order asked. */
const getDeals = (store: LunarSendStore, req: SimRequest) => {
  const ids = req.query.getAll('id');
  if (ids.length === 0) return fail(400, 'missing_field', '"id" is required.');
  const found = ids.flatMap((id) => {
    const deal = store.deals.find((d) => d.id === id);
    return deal ? [{ success: true, id, data: dealView(store, deal) }] : [];
  });
  return found.length ? json(200, found) : fail(404, 'not_found', `No deal with id ${ids.join(', ')}.`);
};

const searchDeals = (store: LunarSendStore, req: SimRequest) => {
  const s = searchOf(req, DEAL_SEARCH_BY);
  if (isResponse(s)) return s;
  const { term, by } = s;
  const found = store.deals.filter((d) => {
    if (!term) return true;
    if (by === 'stage') return d.stage.toLowerCase() === term.toLowerCase();
    if (by === 'owner') return contains(ownerName(store, d.user_id), term);
    if (by === 'email') return contains(d.contact_email, term);
    return contains(d.company, term);
  });
  return json(
    200,
    pageOf(found, s, (d, total) => dealSearchView(store, d, total)),
  );
};

export const dealRoutes: LunarSendRoute[] = [
  { method: 'POST', path: '/pipeline', handle: (store, req, who) => createDeal(store, req, who.user.user_id) },
  { method: 'PATCH', path: '/pipeline', handle: editDeal },
  { method: 'GET', path: '/pipeline', handle: getDeals },
  { method: 'GET', path: '/pipeline/search', handle: searchDeals },
];
