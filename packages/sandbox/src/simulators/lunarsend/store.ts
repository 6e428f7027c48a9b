import { randomUUID } from 'node:crypto';

export const LUNARSEND_SANDBOX_CREDENTIALS = { api_key: 'sandbox-lunarsend-key' };
/** A key of a team member who may read but not change anything: writes answer 403. */
export const LUNARSEND_SANDBOX_VIEWER_CREDENTIALS = { api_key: 'sandbox-lunarsend-viewer-key' };

export const LUNARSEND_STAGES = [
  'Qualification',
  'Discovery',
  'Interested',
  'Verbal',
  'Proposal',
  'Negotiation',
  'Won',
  'Lost',
] as const;

export interface TeamUser {
  user_id: string;
  name: string;
  display_name: string;
  email: string;
  created_at: string;
  profile_picture: string | null;
}
/** A tag as the tag endpoints show it, less `owner` (the owner's name, read from the team). */
export interface Tag {
  id: string;
  user_id: string;
  tag_name: string;
  color: string;
  created_at: string;
}
/** A contact-tag link ("create contact-tag link"). */
export interface TagLink {
  id: string;
  tag_id: string;
  contact_id: string;
  user_id: string;
  created_at: string;
}
export interface StoredContact {
  id: string;
  user_id: string;
  email: string;
  first_name: string;
  last_name: string | null;
  phone: string | null;
  company: string | null;
  job_title: string | null;
  notes: string;
  created_at: string;
  last_activity: string | null;
}
export interface StoredDeal {
  id: string;
  company: string;
  stage: string;
  deal_size: number;
  open_date: string;
  close_date: string | null;
  primary_contact: string | null;
  contact_email: string | null;
  notes: string;
  user_id: string;
  created_at: string;
}
/** Who an API key belongs to, and whether that member may change anything. */
export interface Caller {
  user: TeamUser;
  canWrite: boolean;
}

export interface LunarSendStore {
  /** The current time (the simulator's clock), ISO. */
  now: () => string;
  users: TeamUser[];
  keys: Map<string, Caller>;
  tags: Tag[];
  contacts: StoredContact[];
  deals: StoredDeal[];
  links: TagLink[];
}

export const ownerName = (store: LunarSendStore, userId: string) =>
  store.users.find((u) => u.user_id === userId)?.display_name ?? null;
export const isTeamMember = (store: LunarSendStore, userId: unknown) => store.users.some((u) => u.user_id === userId);

/** Links a tag to a contact; a link that exists already is answered as it is. */
export const link = (store: LunarSendStore, contact: StoredContact, tag: Tag, userId: string): TagLink => {
  const existing = store.links.find((l) => l.contact_id === contact.id && l.tag_id === tag.id);
  if (existing) return existing;
  const made: TagLink = {
    id: randomUUID(),
    tag_id: tag.id,
    contact_id: contact.id,
    user_id: userId,
    created_at: store.now(),
  };
  store.links.push(made);
  return made;
};

export const tagsOf = (store: LunarSendStore, c: StoredContact): Tag[] =>
  store.links
    .filter((l) => l.contact_id === c.id)
    .map((l) => store.tags.find((t) => t.id === l.tag_id))
    .filter((t): t is Tag => t !== undefined);

export type NewContact = Partial<StoredContact> & { email: string; first_name: string };

export const addContact = (store: LunarSendStore, fields: NewContact, userId: string): StoredContact => {
  const contact: StoredContact = {
    id: randomUUID(),
    user_id: userId,
    last_name: null,
    phone: null,
    company: null,
    job_title: null,
    notes: '',
    created_at: store.now(),
    last_activity: null,
    ...fields,
  };
  store.contacts.push(contact);
  return contact;
};

/** A fresh store on `clock`, seeded with the document's examples: two team members, two tags, two contacts, a deal. */
export const createLunarSendStore = (clock: () => number) => {
  const ago = (days: number) => new Date(clock() - days * 86_400_000).toISOString();
  const caller: TeamUser = {
    user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
    name: 'John Smith',
    display_name: 'John',
    email: 'john@example.com',
    created_at: ago(300),
    profile_picture: null,
  };
  const viewer: TeamUser = {
    user_id: 'f446e4f9-2d7a-4b8e-a1c3-6e9f0d2b5c78',
    name: 'Joshua Park',
    display_name: 'Joshua',
    email: 'joshua@example.com',
    created_at: ago(200),
    profile_picture: null,
  };
  const store: LunarSendStore = {
    now: () => new Date(clock()).toISOString(),
    users: [caller, viewer],
    keys: new Map([
      [LUNARSEND_SANDBOX_CREDENTIALS.api_key, { user: caller, canWrite: true }],
      [LUNARSEND_SANDBOX_VIEWER_CREDENTIALS.api_key, { user: viewer, canWrite: false }],
    ]),
    tags: [
      {
        id: 'a41a203d-8e5b-4f1c-9a7d-3b2c6e0f1d59',
        user_id: caller.user_id,
        tag_name: 'Lead',
        color: '#28a745',
        created_at: ago(100),
      },
      {
        id: 'c3d9e2f1-7a4b-4e8c-b5d6-2f1a0e9c8b73',
        user_id: caller.user_id,
        tag_name: 'Customer',
        color: '#007bff',
        created_at: ago(90),
      },
    ],
    contacts: [],
    deals: [],
    links: [],
  };
  const elena = addContact(
    store,
    {
      first_name: 'Elena',
      last_name: 'Moreno',
      email: 'elena.moreno@outlook.com',
      phone: '415-283-9921',
      company: 'Brightwave Solutions',
      job_title: 'Head of Marketing',
      notes: 'Renewal due in January.',
      created_at: ago(40),
      last_activity: ago(10),
    },
    viewer.user_id,
  );
  link(store, elena, store.tags[0]!, caller.user_id);
  const joe = addContact(
    store,
    { first_name: 'Joe', last_name: 'Doe', email: 'joe@example.com', phone: '+12025550123', created_at: ago(30) },
    caller.user_id,
  );
  const brightwave: StoredDeal = {
    id: randomUUID(),
    company: 'Brightwave Solutions',
    stage: 'Proposal',
    deal_size: 12000,
    open_date: ago(20),
    close_date: null,
    primary_contact: elena.id,
    contact_email: elena.email,
    notes: 'Annual plan, 25 seats.',
    user_id: viewer.user_id,
    created_at: ago(20),
  };
  store.deals.push(brightwave);
  return { store, seeded: { elena, joe, brightwave, caller, viewer } };
};
