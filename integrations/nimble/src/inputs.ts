import { inputs, zod } from '@crm-zapier/kit';
import { ADDRESS_TYPES, EMAIL_TYPES } from './map';

/*
 * Schema-building helpers: call them only inside a `lazySchema` builder (they require zod, and an
 * app must not load it at start-up).
 */

const optionalText = () => zod().string().trim().min(1).optional();

/** The contact inputs both Create Contact and Update Contact check before any request. */
export const contactShape = () => ({
  first_name: optionalText(),
  last_name: optionalText(),
  company_name: optionalText(),
  title: optionalText(),
  email: inputs.email().optional(),
  email_type: zod().enum(EMAIL_TYPES).optional(),
  phone_mobile: optionalText(),
  phone_work: optionalText(),
  phone_home: optionalText(),
  phone_main: optionalText(),
  phone_other: optionalText(),
  website: optionalText(),
  address_type: zod().enum(ADDRESS_TYPES).optional(),
  address_street: optionalText(),
  address_city: optionalText(),
  address_state: optionalText(),
  address_zip: optionalText(),
  address_country: optionalText(),
  domain: zod()
    .string()
    .trim()
    .regex(/^(?!https?:\/\/)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a bare domain like nimble.com')
    .optional(),
});

/** A list input: Zapier sends a list, or one string (comma-separated when typed by hand). */
export const idList = () =>
  zod()
    .union([zod().array(zod().string()), zod().string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(zod().array(inputs.id()));

export const tagList = () =>
  zod()
    .union([zod().array(zod().string()), zod().string()])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

/** A deal's values as Create Deal and Update Deal both take them (call inside a lazySchema builder). */
export const dealValuesShape = () => {
  const z = zod();
  return {
    amount: inputs.number().pipe(z.number().min(0, 'must be 0 or more')).optional(),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code like USD')
      .transform((c) => c.toUpperCase())
      .optional(),
    probability: inputs
      .number()
      .pipe(z.number().int('must be a whole number').min(0, 'must be 0 to 100').max(100, 'must be 0 to 100'))
      .optional(),
    expected_close_date: inputs.isoDateTime().optional(),
    description: z.string().trim().min(1).optional(),
  };
};
