import type { DealNames } from './map';
import type { Activity, Company, Contact, Lead, Note, Opportunity, Pipeline, User } from './schemas';

/**
 * Records as a CRM connected through Apideck returns them (the OpenAPI document's shapes, with the
 * values of one plausible account): the source of every operation's sample. One company, one of
 * its people as a contact, a deal with them, a note and a meeting on it, and a lead at another
 * company; the owner is the user `54321`.
 */
export const CONTACT: Contact = {
  id: '12345',
  name: 'Ava Thompson',
  owner_id: '54321',
  type: 'customer',
  company_id: '23456',
  company_name: 'Northwind Aerospace',
  lead_id: null,
  first_name: 'Ava',
  middle_name: null,
  last_name: 'Thompson',
  prefix: 'Ms.',
  suffix: null,
  title: 'VP of Operations',
  department: 'Operations',
  language: 'EN',
  gender: 'female',
  birthday: '1986-04-12',
  photo_url: 'https://www.northwindaero.com/team/ava-thompson.jpg',
  lead_source: 'Trade Show',
  description: 'Met at the Seattle aerospace expo; evaluating fleet telemetry.',
  status: 'open',
  active: true,
  email_domain: 'northwindaero.com',
  emails: [
    { id: '123', email: 'ava.thompson@northwindaero.com', type: 'work' },
    { id: '124', email: 'ava.thompson@outlook.com', type: 'personal' },
  ],
  phone_numbers: [
    { id: '12345', country_code: '1', area_code: '206', number: '555-0142', extension: '105', type: 'work' },
    { id: '12346', number: '+1 206-555-0199', type: 'mobile' },
  ],
  addresses: [
    {
      id: '123',
      type: 'office',
      line1: '2200 Alaskan Way',
      line2: 'Suite 400',
      city: 'Seattle',
      state: 'WA',
      postal_code: '98121',
      country: 'US',
    },
  ],
  websites: [{ id: '12345', url: 'https://www.northwindaero.com', type: 'work' }],
  social_links: [{ id: '12345', url: 'https://www.linkedin.com/in/ava-thompson', type: 'linkedin' }],
  tags: ['Expo 2024'],
  last_activity_at: '2024-06-05T17:30:00.000Z',
  updated_at: '2024-06-05T17:42:10.000Z',
  created_at: '2024-05-14T16:32:08.000Z',
};

export const COMPANY: Company = {
  id: '23456',
  name: 'Northwind Aerospace',
  owner_id: '54321',
  description: 'Maker of avionics and flight-telemetry systems for regional airlines.',
  industry: 'Aerospace',
  vat_number: null,
  currency: 'USD',
  status: 'Active',
  annual_revenue: '$25M-$50M',
  number_of_employees: '201-500',
  ownership: 'Private',
  parent_id: null,
  emails: [{ id: '123', email: 'info@northwindaero.com', type: 'primary' }],
  phone_numbers: [{ id: '12345', number: '+1 206-555-0100', type: 'primary' }],
  addresses: [
    {
      id: '123',
      type: 'primary',
      line1: '2200 Alaskan Way',
      line2: 'Suite 400',
      city: 'Seattle',
      state: 'WA',
      postal_code: '98121',
      country: 'US',
    },
  ],
  websites: [{ id: '12345', url: 'https://www.northwindaero.com', type: 'primary' }],
  social_links: [{ id: '12345', url: 'https://www.linkedin.com/company/northwind-aerospace', type: 'linkedin' }],
  tags: ['Customer'],
  last_activity_at: '2024-06-05T17:30:00.000Z',
  updated_at: '2024-06-05T17:42:10.000Z',
  created_at: '2024-05-14T16:30:51.000Z',
};

export const OPPORTUNITY: Opportunity = {
  id: '34567',
  title: 'Fleet telemetry for 50 aircraft',
  description: 'Telemetry units and a three-year support plan for the regional fleet.',
  type: 'New Business',
  monetary_amount: 75000,
  currency: 'USD',
  win_probability: 40,
  expected_revenue: 30000,
  close_date: '2024-09-30',
  pipeline_id: 'default',
  pipeline_stage_id: 'contractsent',
  status: 'Open',
  primary_contact_id: '12345',
  contact_ids: ['12345'],
  company_id: '23456',
  company_name: 'Northwind Aerospace',
  owner_id: '54321',
  lead_id: null,
  lead_source: 'Trade Show',
  priority: 'High',
  loss_reason: null,
  won_reason: null,
  tags: ['Expo 2024'],
  date_stage_changed: '2024-06-03T09:15:00.000Z',
  last_activity_at: '2024-06-05T17:30:00.000Z',
  updated_at: '2024-06-05T17:45:00.000Z',
  created_at: '2024-05-20T14:02:37.000Z',
};

/** The pipeline the sample deal is in, as the pipeline list gives it (apideck-crm.md §13). */
export const PIPELINE: Pipeline = {
  id: 'default',
  name: 'Sales Pipeline',
  active: true,
  archived: false,
  display_order: 1,
  stages: [
    { id: 'appointmentscheduled', name: 'Appointment Scheduled', value: 'APPOINTMENT_SCHEDULED', display_order: 1 },
    { id: 'contractsent', name: 'Contract Sent', value: 'CONTRACT_SENT', display_order: 2 },
    { id: 'closedwon', name: 'Closed Won', value: 'CLOSED_WON', display_order: 3 },
  ],
};

/** The owner of every sample record, as the user list gives it (apideck-crm.md §14). */
export const USER: User = {
  id: '54321',
  username: 'jordan.rivera',
  first_name: 'Jordan',
  last_name: 'Rivera',
  emails: [{ id: '1', email: 'jordan.rivera@meridianhq.com', type: 'work' }],
};

/** The sample records' owner by name. */
export const OWNER_NAMES = { owner_name: 'Jordan Rivera' };

/** The sample deal's pipeline and stage by name. */
export const DEAL_NAMES: DealNames = { pipeline_name: 'Sales Pipeline', stage_name: 'Contract Sent' };

export const NOTE: Note = {
  id: '45678',
  title: 'Call recap',
  content: 'Ava confirmed the budget for 50 aircraft; the contract goes to their legal team next week.',
  owner_id: '54321',
  contact_id: '12345',
  company_id: '23456',
  opportunity_id: '34567',
  lead_id: null,
  active: true,
  updated_at: '2024-06-05T17:40:12.000Z',
  created_at: '2024-06-05T17:40:12.000Z',
};

export const ACTIVITY: Activity = {
  id: '56789',
  type: 'meeting',
  title: 'Contract review with Ava Thompson',
  description: 'Walk through the telemetry contract and the support plan.',
  activity_datetime: '2024-06-05T17:00:00.000Z',
  start_datetime: '2024-06-05T17:00:00.000Z',
  end_datetime: '2024-06-05T17:30:00.000Z',
  duration_seconds: 1800,
  contact_id: '12345',
  company_id: '23456',
  opportunity_id: '34567',
  owner_id: '54321',
  done: true,
  updated_at: '2024-06-05T17:31:04.000Z',
  created_at: '2024-06-05T17:31:04.000Z',
};

export const LEAD: Lead = {
  id: '67890',
  name: 'Marcus Lee',
  company_name: 'Bluewater Logistics',
  owner_id: '54321',
  owner_name: 'Jordan Rivera',
  company_id: null,
  contact_id: null,
  lead_source: 'Website',
  first_name: 'Marcus',
  last_name: 'Lee',
  description: 'Asked for a fleet-tracking demo through the website form.',
  prefix: 'Mr.',
  title: 'Head of Fleet Operations',
  language: 'EN',
  status: 'New',
  monetary_amount: 20000,
  currency: 'USD',
  fax: null,
  emails: [{ id: '123', email: 'marcus.lee@bluewaterlogistics.com', type: 'work' }],
  phone_numbers: [
    { id: '12345', number: '+1 503-555-0110', type: 'work' },
    { id: '12346', number: '+1 503-555-0178', type: 'mobile' },
  ],
  addresses: [
    {
      id: '123',
      type: 'office',
      line1: '1120 NW Front Ave',
      city: 'Portland',
      state: 'OR',
      postal_code: '97209',
      country: 'US',
    },
  ],
  websites: [{ id: '12345', url: 'https://www.bluewaterlogistics.com', type: 'work' }],
  social_links: [],
  tags: ['Demo request'],
  updated_at: '2024-06-04T08:12:45.000Z',
  created_at: '2024-06-04T08:12:45.000Z',
};
