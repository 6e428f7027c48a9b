import { parseJsonBody, requestJson } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import type { z } from 'zod';
import { baseUrl, CRM, DELETE_CONTACT_PATH } from './constants';
import {
  ContactAnswerSchema,
  ContactSearchSchema,
  DealAnswerSchema,
  DealSearchSchema,
  TeamUserSearchSchema,
  type ContactUpdateBody,
  type NewContactBody,
  type NewDealBody,
  type SearchParams,
} from './schemas';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The message of a success answer that is plain text, a JSON string or `{ message }` (delete answers
 * "Document deleted successfully", as text in the v1 document). Judged by the HTTP status only.
 */
export const successMessage = (content: string | null | undefined): string => {
  const body = parseJsonBody(content);
  if (typeof body === 'string' && body.trim()) return clip(body.trim());
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const { message } = body as { message?: unknown };
    if (typeof message === 'string' && message.trim()) return clip(message.trim());
  }
  const text = (content ?? '').trim();
  return body === undefined && text && !text.startsWith('<') ? clip(text) : '';
};

/** The only code that knows LunarSend's paths: one method per documented endpoint. */
export const lunarsend = (z: ZObject) => {
  const call = <S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    options: { params?: SearchParams; body?: unknown; resource?: string } = {},
  ) => requestJson(z, { method, url: `${baseUrl()}${path}`, schema, crm: CRM, ...options });

  return {
    /** `GET /team/users/search`: the team's users (owner dropdown, auth test, connection label). */
    teamUsers: (params: SearchParams) => call('GET', '/team/users/search', TeamUserSearchSchema, { params }),
    /** `GET /contacts/search`. */
    searchContacts: (params: SearchParams) => call('GET', '/contacts/search', ContactSearchSchema, { params }),
    /** `POST /contacts` with the `data` envelope. */
    createContact: (data: NewContactBody) => call('POST', '/contacts', ContactAnswerSchema, { body: { data } }),
    /** `PATCH /contacts` with `{ data: { id, ...changes } }`: the id travels in the body. */
    updateContact: (data: ContactUpdateBody) =>
      call('PATCH', '/contacts', ContactAnswerSchema, { body: { data }, resource: `contact ${data.id}` }),
    /** `DELETE` (path inferred, see DELETE_CONTACT_PATH) with `{ contact_id }`; answers a plain message. */
    deleteContact: async (contactId: string): Promise<string> => {
      const response = await z.request({
        method: 'DELETE',
        url: `${baseUrl()}${DELETE_CONTACT_PATH}`,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ contact_id: contactId }),
        middlewareData: { resource: `contact ${contactId}` },
      });
      return successMessage(response.content);
    },
    /** `GET /pipeline/search`. */
    searchDeals: (params: SearchParams) => call('GET', '/pipeline/search', DealSearchSchema, { params }),
    /** `POST /pipeline` with the `data` envelope. */
    createDeal: (data: NewDealBody) => call('POST', '/pipeline', DealAnswerSchema, { body: { data } }),
  };
};
