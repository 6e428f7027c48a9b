/**
 * Judgement-call checks the gate may skip, each with its reason. Nothing else is ever waived:
 * a finding not listed here fails `npm run validate`.
 */
export interface Waiver {
  crm: string;
  check: 'D004' | 'D028';
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
  ...[
    'creates.create_contact.inputFields.owner_id',
    'creates.create_deal.inputFields.owner_id',
    'creates.create_task.inputFields.assigned_to',
  ].map((where): Waiver => ({
    crm: 'nimble',
    check: 'D004',
    where,
    reason:
      "Nimble's API has no endpoint that lists the account's users: only GET /api/v1/myself (the connected user). The legacy GET /api/v1/company/users is not in Nimble's OpenAPI document and its example has no user_id, and GET /api/v2/deals/pipelines/{id}/owners lists only users who already own deals in one pipeline. The field is optional, defaults to the connected user (or the company's default owner for contacts), and its help text says so.",
  })),
];

const matchesWhere = (pattern: string, where: string) =>
  pattern.startsWith('*')
    ? where.endsWith(pattern.slice(1))
    : pattern.endsWith('*')
      ? where.startsWith(pattern.slice(0, -1))
      : pattern === where;

export const waiverFor = (crm: string, check: string, where: string): Waiver | undefined =>
  WAIVERS.find((w) => (w.crm === '*' || w.crm === crm) && w.check === check && matchesWhere(w.where, where));
