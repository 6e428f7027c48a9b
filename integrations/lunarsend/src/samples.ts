/** Raw answers from the API document, the source of every operation's sample. */
import type { Contact, Deal, SearchContact, SearchDeal, Tag, TagLink, TeamUser } from './schemas';

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
