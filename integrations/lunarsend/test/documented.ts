/**
 * LunarSend's answers exactly as `../shared/docs/apis/lunarsend.md` shows them, one per documented
 * endpoint, keyed by the section and operation they come from. Values are the reference's examples
 * (ids completed to full uuids); envelopes, key names and nesting are the reference's, never what
 * the integration happens to expect. The nock tests reply with these, and the sandbox's e2e suite
 * checks that the simulator answers in the same shapes.
 */
import { CONTACT, DEAL, SEARCH_CONTACT, SEARCH_DEAL, TAG, TAG_LINK, TEAM_USER } from '../src/samples';

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
