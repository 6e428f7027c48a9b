import { emailParts, recordName } from '../src/map';

describe('e-mail addresses as NetHunt writes them', () => {
  it('splits "Name <address>", "<address>" and a bare address; other text is no address', () => {
    expect(emailParts('Jane Doe <jane@example.com>')).toEqual({ name: 'Jane Doe', email: 'jane@example.com' });
    expect(emailParts('<jane@example.com>')).toEqual({ name: null, email: 'jane@example.com' });
    expect(emailParts(' jane@example.com ')).toEqual({ name: null, email: 'jane@example.com' });
    expect([emailParts('Jane Doe'), emailParts('a <b> c'), emailParts(42)]).toEqual([undefined, undefined, undefined]);
  });
});

describe("a record's name", () => {
  it('is its Name field, else the first field named like a name, else null', () => {
    expect(recordName({ Email: 'x@y.com', 'Deal name': 'Big deal', Name: 'Jane Cooper' })).toBe('Jane Cooper');
    expect(recordName({ Name: '  ', 'Company name': 'Northwind Traders' })).toBe('Northwind Traders');
    expect(recordName({ Email: 'x@y.com', Salary: 1 })).toBeNull();
  });
});
