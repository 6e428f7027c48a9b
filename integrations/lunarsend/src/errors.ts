import { readCommonError, type CrmErrorDetail } from '@crm-zapier/kit';

const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * LunarSend's error bodies: `{ error: "<short code>", message: "<human text>" }`, or
 * `{ status: "error", error: "..." }` on the v2 envelopes. The human text comes first, the short
 * code after it in brackets when both are there; anything else falls back to the kit's reader.
 */
export const readLunarSendError = (body: unknown): CrmErrorDetail => {
  const item = Array.isArray(body) && body.length === 1 ? (body[0] as unknown) : body;
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const { error, message } = item as { error?: unknown; message?: unknown };
    const code = textOf(error);
    const said = textOf(message);
    if (said) return { message: code && code !== said ? `${said} [${code}]` : said };
    if (code) return { message: code };
  }
  return readCommonError(body);
};
