/**
 * How the tenant is found. Meta: `metadata.phone_number_id`, `display_phone_number` and the WABA id
 * (`entry[].id`); Twilio: the business number. `businessPhone` is always E.164 with '+' so that both
 * providers can be looked up the same way.
 */
export interface Route {
  phoneNumberId?: string;
  businessPhone?: string;
  wabaId?: string;
}
