import { parseEmailAddress } from '../src/map';

describe('e-mail addresses as NetHunt writes them', () => {
  it('parses "Name <address>", "<address>" and a bare address', () => {
    expect(parseEmailAddress('Jane Doe <jane@example.com>')).toEqual({ name: 'Jane Doe', email: 'jane@example.com' });
    expect(parseEmailAddress('<jane@example.com>')).toEqual({ name: null, email: 'jane@example.com' });
    expect(parseEmailAddress('jane@example.com')).toEqual({ name: null, email: 'jane@example.com' });
  });
});
