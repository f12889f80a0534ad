import type { ContactCard } from '../../../../modules/message/domain/outboundKinds';
import { invalidMessage } from './invalidMessage';

const MAX_CONTACTS = 5;

/** Drops undefined fields, so the payload carries only what was given. */
const given = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Meta's `contacts[]` (snake_case) from our cards; 1–5 cards, each with a formatted name. */
export function contactsPayload(cards: ContactCard[]): Record<string, unknown>[] {
  if (cards.length < 1 || cards.length > MAX_CONTACTS)
    throw invalidMessage(`contacts must number 1–${MAX_CONTACTS} (has ${cards.length})`);
  return cards.map((c) => {
    if (!c.name.formattedName) throw invalidMessage('each contact needs name.formattedName');
    const { formattedName, firstName, lastName, middleName, prefix, suffix } = c.name;
    return given({
      name: given({
        formatted_name: formattedName,
        first_name: firstName,
        last_name: lastName,
        middle_name: middleName,
        prefix,
        suffix,
      }),
      phones: c.phones?.map((p) => given({ phone: p.phone, type: p.type, wa_id: p.waId })),
      emails: c.emails?.map((e) => given({ email: e.email, type: e.type })),
      urls: c.urls?.map((u) => given({ url: u.url, type: u.type })),
      addresses: c.addresses?.map((a) =>
        given({
          street: a.street,
          city: a.city,
          state: a.state,
          zip: a.zip,
          country: a.country,
          country_code: a.countryCode,
          type: a.type,
        }),
      ),
      org: c.org && given({ company: c.org.company, department: c.org.department, title: c.org.title }),
      birthday: c.birthday,
    });
  });
}
