/**
 * Judgement-call checks the gate may skip, each with its reason. Nothing else is ever waived:
 * a finding not listed here fails `npm run validate`.
 */
export interface Waiver {
  crm: string;
  check: 'D028';
  /** The finding's `where`, or a prefix of it ending in `*`. */
  where: string;
  reason: string;
}

export const WAIVERS: Waiver[] = [
  {
    crm: '*',
    check: 'D028',
    where: 'flags.cleanInputData',
    reason:
      "Every input is parsed with zod where an empty value means 'not given'; Zapier's default cleaning is what the schemas expect, and none of these CRMs' update endpoints can clear a field with an empty value.",
  },
];

const matchesWhere = (pattern: string, where: string) =>
  pattern.startsWith('*')
    ? where.endsWith(pattern.slice(1))
    : pattern.endsWith('*')
      ? where.startsWith(pattern.slice(0, -1))
      : pattern === where;

export const waiverFor = (crm: string, check: string, where: string): Waiver | undefined =>
  WAIVERS.find((w) => (w.crm === '*' || w.crm === crm) && w.check === check && matchesWhere(w.where, where));
