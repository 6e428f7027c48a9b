/**
 * Records as LunarSend answers them (lunarsend.md's shapes), with the values of a plausible team:
 * the source of every operation's sample. The tests reply with the reference's own examples
 * (`test/documented.ts`), not with these.
 */
import type { Contact, Deal, SearchContact, SearchDeal, Tag, TagLink, TeamUser } from './schemas';

/** The team member who owns most sample records (the owner dropdown's first choice). */
export const TEAM_USER: TeamUser = {
  user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
  name: 'Maya Chen',
  display_name: 'Maya',
  email: 'maya.chen@northpeakdigital.com',
  created_at: '2025-01-10T08:00:00.000+00:00',
};

/** A contact as create, update and get answer it (`owner` is the owner's name as LunarSend shows it). */
export const CONTACT: Contact = {
  id: '150c081d-5d5f-401d-abd1-727c35222054',
  user_id: TEAM_USER.user_id,
  email: 'daniel.okafor@harborlinelogistics.com',
  first_name: 'Daniel',
  last_name: 'Okafor',
  phone: '+13125550148',
  company: 'Harborline Logistics',
  job_title: 'Operations Manager',
  notes: 'Met at the Chicago freight expo; asked for a demo of shipment tracking.',
  owner: 'Maya',
  created_at: '2025-10-04T14:17:28.266+00:00',
  last_activity: null,
};

/** Another contact, read in full (get), owned by another team member. */
export const ELENA: Contact = {
  id: '1c92f8a3-6b1e-4d0c-8f2a-5e7d9b3c1a40',
  user_id: 'f446e4f9-2d7a-4b8e-a1c3-6e9f0d2b5c78',
  email: 'elena.moreno@brightwavesolutions.com',
  first_name: 'Elena',
  last_name: 'Moreno',
  phone: '+14152839921',
  company: 'Brightwave Solutions',
  job_title: 'Head of Marketing',
  notes: 'Renewal due in January; prefers email over calls.',
  owner: 'Joshua',
  created_at: '2025-08-14T10:03:51.000+00:00',
  last_activity: '2025-09-25T14:12:03.000+00:00',
};

/** A tag as create-tag and search-tag answer it (`tag_name`). */
export const TAG: Tag = {
  id: 'a41a203d-8e5b-4f1c-9a7d-3b2c6e0f1d59',
  user_id: TEAM_USER.user_id,
  tag_name: 'Lead',
  owner: 'Maya',
  color: '#28a745',
  created_at: '2025-09-01T10:00:00.000+00:00',
};

/** The same contact as a search answers it: `contact_id`, its tags `{ id, name, color }`, no job title, notes or creation date. */
export const SEARCH_CONTACT: SearchContact = {
  contact_id: ELENA.id,
  first_name: ELENA.first_name,
  last_name: ELENA.last_name,
  email: ELENA.email,
  phone: ELENA.phone,
  company: ELENA.company,
  owner: ELENA.owner,
  last_activity: ELENA.last_activity,
  user_id: ELENA.user_id,
  tags: [{ id: TAG.id, name: TAG.tag_name, color: TAG.color }],
};

export const DEAL: Deal = {
  id: '8d1f3a52-4c7e-4b9a-a2f6-1e0d5c3b7a94',
  company: 'Brightwave Solutions',
  stage: 'Proposal',
  deal_size: 12000,
  open_date: '2025-10-01T09:00:00.000+00:00',
  close_date: '2025-12-15T17:00:00.000+00:00',
  primary_contact: ELENA.id,
  contact_email: ELENA.email,
  notes: 'Annual plan, 25 seats.',
  user_id: TEAM_USER.user_id,
  owner: 'Maya',
  created_at: '2025-10-01T09:00:00.000+00:00',
};

export const SEARCH_DEAL: SearchDeal = (({ id, ...rest }) => ({ deal_id: id, ...rest }))(DEAL);

/** The link "link tag to contact" answers in `data`. */
export const TAG_LINK: TagLink = {
  id: 'd5a8c3e1-2b4f-4c6d-9e7a-8f1b0c2d3e45',
  tag_id: TAG.id,
  contact_id: CONTACT.id,
  created_at: '2025-10-04T14:20:05.104+00:00',
  tag_name: TAG.tag_name,
  user_id: TAG.user_id,
  owner: 'Maya',
};
