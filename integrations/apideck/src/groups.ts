/**
 * Sections of the long forms (contact, lead, company), as the Zap editor shows them
 * (`inputFieldGroups`; each field names its section with `group`). Every operation that uses a
 * grouped field declares the groups it uses: the schema rejects a group it does not declare.
 */
export const GROUP = {
  person: { key: 'person', label: 'Name and Job' },
  company: { key: 'company', label: 'Company' },
  channels: { key: 'channels', label: 'Email, Phone and Website' },
  address: { key: 'address', label: 'Address' },
  details: { key: 'details', label: 'Owner, Source and Tags' },
} as const;

export const PERSON_GROUPS = [GROUP.person, GROUP.channels, GROUP.address, GROUP.details];
export const COMPANY_GROUPS = [GROUP.company, GROUP.channels, GROUP.address, GROUP.details];
