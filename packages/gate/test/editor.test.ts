import { editorFindings, type Action, type Definition } from '../src';

const action = (
  key: string,
  noun: string,
  label: string,
  description: string,
  extra: Partial<Action> = {},
): Action => ({
  key,
  noun,
  display: { label, description },
  operation: { sample: { id: '1' } },
  ...extra,
});

/** Contacts picked from a dropdown linked to Find Contact, bare e-mails, one id: no finding. */
const goodDefinition = (): Definition => ({
  triggers: {
    list_contacts: action('list_contacts', 'Contact', 'List Contacts', 'Lists contacts.', {
      display: { label: 'List Contacts', description: 'Lists contacts.', hidden: true },
    }),
    new_contact: action('new_contact', 'Contact', 'New Contact', 'Triggers when a contact is added.', {
      operation: { sample: { id: '1', email: 'jane@acme.example', email_domain: 'acme.example', owner_id: '7' } },
    }),
  },
  searches: { find_contact: action('find_contact', 'Contact', 'Find Contact', 'Finds a contact by e-mail.') },
  creates: {
    add_note: action('add_note', 'Note', 'Add Note', 'Adds a note to a contact.', {
      operation: {
        inputFields: [
          { key: 'contact_id', label: 'Contact', dynamic: 'list_contacts.id.name', search: 'find_contact.id' },
          { key: 'body', label: 'Note' },
        ],
        sample: { id: '9', contact_id: '1' },
      },
    }),
  },
});

const checksOf = (def: Definition) => editorFindings(def, { appName: 'Acme' }).map((f) => `${f.check} ${f.where}`);

describe('the editor rules (issue 18)', () => {
  it('find nothing in a definition a Zap builder can map', () => {
    expect(checksOf(goodDefinition())).toEqual([]);
  });

  it('flag a description that names the app, but not a hidden one', () => {
    const def = goodDefinition();
    def.creates!.add_note!.display.description = 'Adds a note to an Acme contact.';
    def.triggers!.list_contacts!.display.description = 'Lists Acme contacts.';
    expect(checksOf(def)).toEqual(['E-DESC-APP creates.add_note.display.description']);
  });

  it('flag "(Instant)" in a label', () => {
    const def = goodDefinition();
    def.triggers!.new_contact!.display.label = 'New Contact (Instant)';
    expect(checksOf(def)).toEqual(['E-INSTANT-LABEL triggers.new_contact.display.label']);
  });

  it('flag an input labelled as an id without a dropdown, and a dropdown without its search link', () => {
    const def = goodDefinition();
    def.creates!.add_note!.operation.inputFields = [
      { key: 'contact_id', label: 'Contact ID' },
      { key: 'deal_id' },
      { key: 'other', label: 'Other Contact', dynamic: 'list_contacts.id.name' },
      { key: 'cc', label: 'Also Notify', dynamic: 'list_contacts.id.name', list: true },
    ];
    expect(checksOf(def)).toEqual([
      'E-ID-INPUT creates.add_note.inputFields.contact_id',
      'E-ID-INPUT creates.add_note.inputFields.deal_id',
      'E-SEARCH-LINK creates.add_note.inputFields.other',
    ]);
  });

  it('do not ask a search to link to itself', () => {
    const def = goodDefinition();
    def.searches!.find_contact!.operation.inputFields = [
      { key: 'similar_to', label: 'Similar To', dynamic: 'list_contacts.id.name' },
    ];
    expect(checksOf(def)).toEqual([]);
  });

  it('flag an e-mail output that carries a name, alone or in a list', () => {
    const def = goodDefinition();
    def.triggers!.new_contact!.operation.sample = {
      id: '1',
      email: 'Jane Doe <jane@acme.example>',
      cc_emails: ['ann@acme.example', 'Bob <bob@acme.example>'],
      work_email: 'Jane Doe',
      email_domain: 'acme.example',
      fields__Email__name: 'Jane Doe',
    };
    expect(checksOf(def)).toEqual([
      'E-EMAIL-BARE triggers.new_contact.operation.sample.email',
      'E-EMAIL-BARE triggers.new_contact.operation.sample.cc_emails',
      'E-EMAIL-BARE triggers.new_contact.operation.sample.work_email',
    ]);
  });

  it('flag an object whose id is output twice', () => {
    const def = goodDefinition();
    def.triggers!.new_contact!.operation.sample = { id: '1', contact_id: '1', recordId: 1, owner_id: 2 };
    expect(checksOf(def)).toEqual(['E-DUP-ID triggers.new_contact.operation.sample.contact_id']);
  });
});
