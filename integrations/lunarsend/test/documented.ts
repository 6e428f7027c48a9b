/**
 * LunarSend's answers exactly as `../shared/docs/apis/lunarsend.md` shows them, one per documented
 * endpoint, keyed by the section and operation they come from. Values are the reference's examples
 * (ids completed to full uuids); envelopes, key names and nesting are the reference's, never what
 * the integration happens to expect. The nock tests reply with these, and the sandbox's e2e suite
 * checks that the simulator answers in the same shapes.
 */
import type { Contact, Deal, SearchContact, SearchDeal, Tag, TagLink, TeamUser } from '../src/schemas';

/* ---------- the reference's example records (the tests' fixtures; the operations' samples are src/samples.ts) ---------- */

/** Create/update answer's `data` (the document's example; ids completed to full uuids). */
export const CONTACT: Contact = {
  id: '150c081d-5d5f-401d-abd1-727c35222054',
  user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
  email: 'joe@example.com',
  first_name: 'Joe',
  last_name: 'Doe',
  phone: '+12025550123',
  company: null,
  job_title: null,
  notes: '',
  owner: 'John',
  created_at: '2025-10-04T14:17:28.266864+00:00',
  last_activity: null,
};

/** One item of the search answer's `data`. */
export const SEARCH_CONTACT: SearchContact = {
  contact_id: '1c92f8a3-6b1e-4d0c-8f2a-5e7d9b3c1a40',
  first_name: 'Elena',
  last_name: 'Moreno',
  email: 'elena.moreno@outlook.com',
  phone: '415-283-9921',
  company: 'Brightwave Solutions',
  owner: 'Joshua',
  last_activity: '2025-09-25T14:12:03.000+00:00',
  user_id: 'f446e4f9-2d7a-4b8e-a1c3-6e9f0d2b5c78',
  tags: [{ id: 'a41a203d-8e5b-4f1c-9a7d-3b2c6e0f1d59', name: 'Lead', color: '#28a745' }],
};

export const DEAL: Deal = {
  id: '8d1f3a52-4c7e-4b9a-a2f6-1e0d5c3b7a94',
  company: 'Brightwave Solutions',
  stage: 'Proposal',
  deal_size: 12000,
  open_date: '2025-10-01T09:00:00.000+00:00',
  close_date: '2025-12-15T17:00:00.000+00:00',
  primary_contact: SEARCH_CONTACT.contact_id,
  contact_email: 'elena.moreno@outlook.com',
  notes: 'Annual plan, 25 seats.',
  user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
  owner: 'John',
  created_at: '2025-10-01T09:00:00.000+00:00',
};

export const SEARCH_DEAL: SearchDeal = (({ id, ...rest }) => ({ deal_id: id, ...rest }))(DEAL);

export const TEAM_USER: TeamUser = {
  user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
  name: 'John Smith',
  display_name: 'John',
  email: 'john@example.com',
  created_at: '2025-01-10T08:00:00.000+00:00',
};

/**
 * A tag as create-tag and search-tag answer it (lunarsend.md, "Tags": `id, user_id, tag_name, owner,
 * color, created_at`); the contact search shows the same tag as `{ id, name, color }`.
 */
export const TAG: Tag = {
  id: 'a41a203d-8e5b-4f1c-9a7d-3b2c6e0f1d59',
  user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
  tag_name: 'Lead',
  owner: 'John',
  color: '#28a745',
  created_at: '2025-09-01T10:00:00.000+00:00',
};

/** The link "link tag to contact" answers in `data` (`id, tag_id, contact_id, created_at, tag_name, user_id, owner`). */
export const TAG_LINK: TagLink = {
  id: 'd5a8c3e1-2b4f-4c6d-9e7a-8f1b0c2d3e45',
  tag_id: TAG.id,
  contact_id: CONTACT.id,
  created_at: '2025-10-04T14:20:05.104Z',
  tag_name: TAG.tag_name,
  user_id: TAG.user_id,
  owner: 'John',
};

/* ---------- the documented answers ---------- */

/** "Contacts", search answer: items carry `contact_id`, `tags[].name` and a per-item `total_count`. */
const SEARCH_CONTACT_ITEM = { ...SEARCH_CONTACT, total_count: 46 };

export const DOCUMENTED = {
  /** "Contacts", create/update answer: `status` on create, wrapped in an array. */
  createContact: [{ status: 'success', data: CONTACT }],
  /** "Basics": edit answers `success: true`; "Errors and success flags": edit answers are wrapped in `[ … ]`. */
  updateContact: [{ success: true, data: CONTACT }],
  /** "Contacts", get: `[{ success: true, id: "<the id asked for>", data }]`, no `tags`. */
  getContact: [{ success: true, id: CONTACT.id, data: CONTACT }],
  /** "Contacts", search answer. */
  searchContacts: { data: [SEARCH_CONTACT_ITEM], total_count: 46, page: 0, per_page: 5 },
  /** "Contacts", contact's tags: tag links use `tag_name`. */
  contactTags: [
    {
      status: 'success',
      id: CONTACT.id,
      data: [
        {
          contact_tag_id: TAG_LINK.id,
          tag_id: TAG.id,
          tag_name: TAG.tag_name,
          color: TAG.color,
          created_at: TAG_LINK.created_at,
          user_id: TAG_LINK.user_id,
          contact_id: CONTACT.id,
        },
      ],
    },
  ],
  /** "Contacts", delete (inferred path): the v1 text's answer, plain text. */
  deleteContact: 'Document deleted successfully',
  /** "Basics": create answers `status: "success"`, wrapped in an array like every create answer. */
  createDeal: [{ status: 'success', data: DEAL }],
  /** "Pipeline deals", edit-deal: `success: true`, wrapped in an array. */
  updateDeal: [{ success: true, data: DEAL }],
  /** "Pipeline deals", get-deal: `[{ success: true, id: "<id asked for>", data }]`. */
  getDeal: [{ success: true, id: DEAL.id, data: DEAL }],
  /** "Pipeline deals", search-deal: `deal_id` and a per-item `total_count`. */
  searchDeals: { data: [{ ...SEARCH_DEAL, total_count: 1 }], total_count: 1, page: 0, per_page: 10 },
  /** "Other endpoints", team users search. */
  teamUsers: { data: [{ ...TEAM_USER, profile_picture: null }], total_count: 1, page: 0, per_page: 1 },
  /** "Other endpoints", one team user: `[{ status, id, data }]`. */
  getUser: [{ status: 'success', id: TEAM_USER.user_id, data: { ...TEAM_USER, profile_picture: null } }],
  /** "Tags", create tag: `[{ status: "success", data: { id, user_id, tag_name, owner, color, created_at } }]`. */
  createTag: [{ status: 'success', data: TAG }],
  /** "Tags", search tags: items carry `tag_name`, not `name`. */
  searchTags: { data: [TAG], total_count: 1, page: 0, per_page: 50 },
  /** "Tags", link tag to contact: `[{ status: "success", data: { id, tag_id, contact_id, created_at, tag_name, user_id, owner } }]`. */
  linkTag: [{ status: 'success', data: TAG_LINK }],
  /** "Tags", contacts with a tag: the contact id is `id`, the total is `count`. */
  taggedContacts: {
    data: [
      {
        id: SEARCH_CONTACT.contact_id,
        first_name: SEARCH_CONTACT.first_name,
        last_name: SEARCH_CONTACT.last_name,
        email: SEARCH_CONTACT.email,
        tag_id: TAG.id,
        company: SEARCH_CONTACT.company,
        owner: SEARCH_CONTACT.owner,
        last_activity: SEARCH_CONTACT.last_activity,
      },
    ],
    count: 1,
    page: 0,
    per_page: 20,
  },
  /**
   * "Errors and success flags": getting-started's `{ error, message }`, in the v2 envelope whose
   * Response Fields add `status: "error"`.
   */
  error: { status: 'error', error: 'not_found', message: 'No contact with that id.' },
} as const;

export type DocumentedEndpoint = keyof typeof DOCUMENTED;
