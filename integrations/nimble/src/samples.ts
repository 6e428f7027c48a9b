/** Raw answers in the shapes of the API document and its OpenAPI spec: the source of every sample. */

export const MYSELF = {
  company_id: '4c2118ad54397f271b000000',
  company_size: 3,
  name: 'Daniel Reyes',
  user_id: '4f2acc3142a053dda595f00b',
  email: 'daniel@summitsoftware.com',
};

const SHORT_USER = {
  user_id: MYSELF.user_id,
  name: MYSELF.name,
  email: MYSELF.email,
  avatar_url: 'https://app.nimble.com/api/users/avatars/4f2acc3142a053dda595f00b',
  is_active: true,
};

/**
 * A contact in the shape of the guide's (§7.1): employment, work and personal emails, phones, a work
 * address, the read-only `source` and the drop-down `lead status` (stored as its option's id).
 */
export const CONTACT = {
  id: '5049fb849b85f669e40000dc',
  object_type: 'contact',
  record_type: 'person',
  created: '2024-03-12T16:49:56+0000',
  updated: '2024-03-14T09:05:12+0000',
  creator: 'Daniel Reyes',
  updater: 'Daniel Reyes',
  owner_id: '4f2acc3142a053dda595f00b',
  avatar_url: 'https://app.nimble.com/api/contacts/avatars/5049fb849b85f669e40000dc',
  children: [],
  is_important: false,
  privacy: { read: null, edit: null },
  fields: {
    'first name': [{ value: 'Maria', modifier: '', label: 'first name', field_id: '5049f697a694620a07000043' }],
    'last name': [{ value: 'Lopez', modifier: '', label: 'last name', field_id: '5049f697a694620a07000044' }],
    'contact employment': [
      {
        value: '{"company_name": "Brightwave Analytics", "title": "Sales Director", "is_present": true}',
        modifier: '',
        label: 'contact employment',
        field_id: '5049f697a694620a07000047',
        is_primary: true,
      },
    ],
    email: [
      { value: 'maria.lopez@brightwave.io', modifier: 'work', label: 'email', field_id: '5049f697a694620a07000064' },
      { value: 'maria.lopez@outlook.com', modifier: 'personal', label: 'email', field_id: '5049f697a694620a07000065' },
    ],
    phone: [
      { value: '+1 415 555 0142', modifier: 'mobile', label: 'phone', field_id: '5049f697a694620a07000070' },
      { value: '+1 415 555 0187', modifier: 'work', label: 'phone', field_id: '5049f697a694620a07000071' },
    ],
    URL: [{ value: 'https://brightwave.io', modifier: 'work', label: 'URL', field_id: '5049f697a694620a07000080' }],
    address: [
      {
        value:
          '{"street": "500 Howard St, Suite 300", "city": "San Francisco", "state": "CA", "zip": "94105", "country": "United States"}',
        modifier: 'work',
        label: 'address',
        field_id: '5049f697a694620a07000090',
      },
    ],
    source: [{ value: 'csv', modifier: '', label: 'source', field_id: '5049f697a694620a070000a0' }],
    'lead status': [{ value: '3', modifier: '', label: 'lead status', field_id: '5049f697a694620a0700008d' }],
  },
  tags: [{ tag: 'webinar lead', id: '5049fa0c9b85f62cb4000639' }],
  last_contacted: null,
  company_last_contacted: { in: null, out: null },
  reminder: null,
  notice: null,
};

const SHORT_CONTACT = {
  id: CONTACT.id,
  name: 'Maria Lopez',
  contact_type: 'person',
  avatar_url: CONTACT.avatar_url,
  email: ['maria.lopez@brightwave.io'],
  is_viewable: true,
  employment: { company_name: 'Brightwave Analytics', title: 'Sales Director' },
  phones: { label: 'mobile', value: '+1 415 555 0142' },
};

/**
 * How Nimble answers a note's body: URL-encoded HTML, wrapped in the editor's `<font>` (the legacy
 * docs' create, show and list examples, nimble.md §9).
 */
export const NOTE_FONT = '<font face="Arial, Tahoma, Verdana, Helvetica, sans-serif">';

export const NOTE = {
  id: '50b7360e837d4e4404000013',
  note: encodeURIComponent(`${NOTE_FONT}Called Maria about the renewal;<br>she wants a quote by Friday.</font>`),
  note_preview: 'Called Maria about the renewal',
  author_name: MYSELF.name,
  owner_id: MYSELF.user_id,
  owner: SHORT_USER,
  contacts: [SHORT_CONTACT],
  created: '2024-03-14T10:16:46+0000',
  updated: '2024-03-14T10:16:46+0000',
};

/** A colleague of the connected user (the owner of some of the account's deals). */
const COLLEAGUE = {
  user_id: '5a1b2c3d4e5f60718293a4b5',
  name: 'Priya Natarajan',
  email: 'priya@summitsoftware.com',
  avatar_url: 'https://app.nimble.com/api/users/avatars/5a1b2c3d4e5f60718293a4b5',
  is_active: true,
};

/** A task the connected user made and assigned to a colleague. */
export const TASK = {
  version: 2,
  id: '5c5ae5b3ceee185f7b9c3ad1',
  subject: 'Send the quote',
  notes: 'Include the volume discount.',
  due_date: '2024-05-03T09:00:00+0000',
  due_date_text: null,
  completed: false,
  completed_time: null,
  is_important: false,
  starred: false,
  company_id: MYSELF.company_id,
  owner_id: MYSELF.user_id,
  owner: SHORT_USER,
  assigned_to: COLLEAGUE,
  comments: [],
  related_to: [],
  related: { contacts: [SHORT_CONTACT], deals: [], new_deals: [], sequence: null },
  tags: [],
  created: '2024-05-01T14:30:00+0000',
  updated: '2024-05-01T14:30:00+0000',
};

/** The legacy endpoint's answer (`POST /api/v1/activities/task`, the shorter legacy example): contacts as `related_to`. */
export const LEGACY_TASK = {
  related_to: [CONTACT.id],
  due_date: '2024-05-03T07:00:00+00:00',
  notes: 'Include the volume discount.',
  id: '5108f1cc837d4e3930e297fb',
  subject: 'Send the quote',
};

export const PIPELINE = {
  pipeline_id: '630f34cfa34058dea76c0c0e',
  name: 'Sales',
  description: 'New business',
  color: '#2685c4',
  is_default: true,
  default_currency: 'USD',
  created: '2022-08-31T10:00:00+0000',
  updated: '2022-08-31T10:00:00+0000',
  archived_at: null,
  creator: SHORT_USER,
  stages: [
    {
      stage_id: '62fd6587048065ca3510c6d5',
      name: 'Qualified',
      description: 'Budget and need confirmed',
      default_probability: 20,
      expected_days: 14,
      role: { name: 'regular', is_final: false },
      archived_at: null,
      pipline_id: '630f34cfa34058dea76c0c0e',
    },
  ],
  lost_reasons: [{ id: '630f34cfa34058dea76c0c1a', text: 'Price' }],
  tabs: [],
};

export const DEAL = {
  deal_id: '65958d7ef2e8748e6361dd00',
  deal_number: 42,
  created: '2024-01-03T10:00:00+0000',
  updated: '2024-01-05T12:00:00+0000',
  updated_by: MYSELF.name,
  owner: SHORT_USER,
  creator: SHORT_USER,
  currency: 'USD',
  is_editable: true,
  privacy: { read: null, edit: null },
  related_contacts: [{ contact: SHORT_CONTACT, note: 'Decision maker', employments: [] }],
  related_external_contacts: [],
  fields_values: [
    { field_id: '63760e653af0e748fe48366a', values: [{ value: 'Brightwave annual plan' }] },
    { field_id: '63760e653af0e748fe48366b', values: [{ value: '24000' }] },
  ],
  fields_values_with_names: [
    { field_name: 'name', values: [{ value: 'Brightwave annual plan' }] },
    { field_name: 'amount', values: [{ value: '24000' }] },
    { field_name: 'description', values: [{ value: '40 seats, billed yearly' }] },
    { field_name: 'expected_close_date', values: [{ value: '2024-03-31' }] },
  ],
  stage_transitions: {
    pipeline_id: PIPELINE.pipeline_id,
    pipeline_name: PIPELINE.name,
    pipeline_color: PIPELINE.color,
    transitions: [
      {
        from_stage: null,
        to_stage: { stage_id: PIPELINE.stages[0]!.stage_id, name: PIPELINE.stages[0]!.name },
        who: SHORT_USER,
        when: '2024-01-03',
        notes: null,
      },
    ],
    before_final_stage: null,
  },
  tags: ['renewal'],
  final_probability: 20,
  age_in_days: 2,
};

/** DEAL two days later, moved from Qualified to Proposal (a stage with no default probability). */
export const MOVED_DEAL = {
  ...DEAL,
  updated: '2024-01-07T15:20:00+0000',
  stage_transitions: {
    ...DEAL.stage_transitions,
    transitions: [
      ...DEAL.stage_transitions.transitions,
      {
        from_stage: { stage_id: PIPELINE.stages[0]!.stage_id, name: PIPELINE.stages[0]!.name },
        to_stage: { stage_id: '62fd6587048065ca3510c6d6', name: 'Proposal' },
        who: SHORT_USER,
        when: '2024-01-07',
        notes: 'Pricing sent',
      },
    ],
  },
  age_in_days: 4,
};

/** `Deals.DealNote` (201 of `POST /api/v2/deals/{deal_id}/notes`). */
export const DEAL_NOTE = {
  note_id: '65a0f1c2f2e8748e6361de10',
  title: 'Call recap',
  body: 'Discussed pricing; they want the three-year option.',
  created: '2024-01-06T09:30:00+0000',
  updated: '2024-01-06T09:30:00+0000',
  creator: SHORT_USER,
};

/** `GET /api/v1/contacts/fields` (§10.2): the fields of CONTACT that are not standard, `lead status` a drop-down. */
export const CONTACT_FIELDS = {
  tabs: [
    {
      tab_id: '5049f696a694620a07000030',
      tab_name: 'Lead Details',
      contact_types: 'person',
      is_standard: true,
      available_actions: 'edit_all',
      members: [
        {
          type: 'field',
          name: 'source',
          field_id: '5049f697a694620a070000a0',
          modifier: '',
          multiples: false,
          read_only: true,
          field_type: { field_kind: 'string' },
          available_actions: 'view_only',
        },
        {
          type: 'field',
          name: 'lead status',
          field_id: '5049f697a694620a0700008d',
          modifier: '',
          multiples: false,
          read_only: false,
          field_type: {
            field_kind: 'choice',
            values: {
              ordering_type: 'ordinal',
              values: [
                { id: '1', value: 'Open' },
                { id: '2', value: 'Contacted' },
                { id: '3', value: 'Qualified' },
                { id: '4', value: 'Unqualified' },
              ],
            },
          },
          available_actions: 'edit_choices_only',
        },
      ],
    },
  ],
};
