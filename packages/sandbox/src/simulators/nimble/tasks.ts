import { json, objectId, type SimRequest, type SimResponse } from '../../server';
import { contactsOf, shortContact } from './contacts';
import { invalid, notFound } from './errors';
import { SHORT_USER, stamp, USER, type NimbleStore, type StoredContact } from './store';

/** Tasks (nimble.md §9.1): `POST /api/v1/tasks`, and the legacy `POST /api/v1/activities/task`. */

/** A date-time as `2021-04-12T19:16:44+00:00`; one without an offset is read as UTC. */
const utcStamp = (text: string) =>
  new Date(Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`))
    .toISOString()
    .replace(/\.\d{3}Z$/, '+00:00');

interface TaskBody {
  subject: string;
  notes?: string;
  due_date?: string;
  is_important?: boolean;
  tags?: string[];
}

/** `Tasks.Task`, due dates as the legacy example writes them (`2021-04-12T19:16:44+00:00`). */
const taskView = (body: TaskBody, linked: StoredContact[], related_to: string[]) => ({
  version: 2,
  id: objectId(),
  subject: body.subject,
  notes: body.notes ?? null,
  due_date: body.due_date ? utcStamp(body.due_date) : null,
  due_date_text: null,
  completed: false,
  completed_time: null,
  is_important: body.is_important ?? false,
  starred: false,
  company_id: USER.company_id,
  owner_id: USER.user_id,
  owner: SHORT_USER,
  assigned_to: SHORT_USER,
  comments: [],
  related_to,
  related: { contacts: linked.map(shortContact), deals: [], new_deals: [], sequence: null },
  tags: body.tags ?? [],
  created: stamp(Date.now()),
  updated: stamp(Date.now()),
});

/** `POST /api/v1/tasks`: contacts linked through `related.contacts`. */
export const createTask = (store: NimbleStore, req: SimRequest): SimResponse => {
  // An account with only the legacy endpoint has no such route.
  if (store.options.legacyTasksOnly) return json(404, { message: `No such endpoint: ${req.path}` });
  const body = req.body as TaskBody & { assigned_to?: string; related?: { contacts?: string[] } };
  if (!body.subject.trim()) return invalid({ '/subject': 'must not be empty' });
  if (body.due_date !== undefined && Number.isNaN(Date.parse(body.due_date))) {
    return invalid({ '/due_date': `Can't parse value ${body.due_date} as DATE-TIME` });
  }
  const linked = contactsOf(store, body.related?.contacts);
  if (!Array.isArray(linked)) return linked;
  if (body.assigned_to !== undefined && body.assigned_to !== USER.user_id) return notFound('user', body.assigned_to);
  const task = taskView(body, linked, []);
  store.tasks.push(task);
  return json(201, task);
};

/**
 * The legacy `POST /api/v1/activities/task` (`docs/activities/tasks/create.rst`): contacts as
 * `related_to` ids, answered as "dictionary with JSON serialised task body" with them echoed.
 */
export const createLegacyTask = (store: NimbleStore, req: SimRequest): SimResponse => {
  const body = req.body as TaskBody & { related_to?: string[] };
  const linked = contactsOf(store, body.related_to);
  if (!Array.isArray(linked)) return linked;
  const task = taskView(
    body,
    linked,
    linked.map((c) => c.id),
  );
  store.tasks.push(task);
  return json(200, task);
};
