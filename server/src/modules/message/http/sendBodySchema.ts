import Joi from 'joi';
import { publicLink, uuid } from '../../../shared/http/api/schemas';
import { templateCallSchema } from '../../template/http/templateCallSchema';
import { INTERACTIVE_LIMITS as L } from '../domain/interactiveRules';

/** Text bounded in characters by the use case (interactiveRules); here only a generous cap. */
const chars = (max: number) =>
  Joi.string()
    .min(1)
    .max(max * 2)
    .description(`1–${max} characters`);
const whenType = (type: string, schema: Joi.Schema) =>
  schema.when('type', { is: type, then: Joi.required(), otherwise: Joi.forbidden() });
const labelled = (fields: Record<string, Joi.Schema>) =>
  Joi.object({ ...fields, type: Joi.string().valid('HOME', 'WORK') });

const mediaRef = {
  id: Joi.string()
    .max(256)
    .description(
      'The id of a file uploaded with POST /media (uploaded to the provider when the message is sent), or a provider media id',
    ),
  link: publicLink().description(
    'A public URL the provider fetches itself (Meta through a rate-limited proxy); never a private, loopback or link-local address',
  ),
};

const interactive = Joi.object({
  type: Joi.string().valid('button', 'list', 'cta_url').required(),
  body: chars(L.listBody).required().description(`Up to ${L.body} characters (${L.listBody} for a list)`),
  header: chars(L.header).description(`A text header, 1–${L.header} characters`),
  footer: chars(L.footer),
  buttons: whenType(
    'button',
    Joi.array()
      .items(Joi.object({ id: chars(L.buttonId).required(), title: chars(L.buttonTitle).required() }))
      .min(1)
      .max(L.buttons)
      .description('Reply buttons: ids and titles unique'),
  ),
  buttonText: whenType('list', chars(L.listButton)).description('The button that opens the list'),
  sections: whenType(
    'list',
    Joi.array()
      .items(
        Joi.object({
          title: chars(L.sectionTitle).description('Required when there are several sections'),
          rows: Joi.array()
            .items(
              Joi.object({
                id: chars(L.rowId).required(),
                title: chars(L.rowTitle).required(),
                description: chars(L.rowDescription),
              }),
            )
            .min(1)
            .max(L.rows)
            .required(),
        }),
      )
      .min(1)
      .max(L.sections)
      .description(`At most ${L.rows} rows in all`),
  ),
  displayText: whenType('cta_url', chars(L.ctaDisplayText)).description('The call-to-action button’s text'),
  url: whenType(
    'cta_url',
    Joi.string()
      .uri({ scheme: ['https', 'http'] })
      .max(2000),
  ).description('Opened when the button is tapped'),
}).description('Reply buttons (`button`), a list (`list`) or a call-to-action URL button (`cta_url`)');

const location = Joi.object({
  latitude: Joi.number().min(-90).max(90).required(),
  longitude: Joi.number().min(-180).max(180).required(),
  name: Joi.string().min(1).max(1000),
  address: Joi.string().min(1).max(1000),
}).description('A pin on the map (a meeting point), with an optional name and address');

const contact = Joi.object({
  name: Joi.object({
    formattedName: Joi.string().min(1).max(512).required(),
    firstName: Joi.string().max(256),
    lastName: Joi.string().max(256),
    middleName: Joi.string().max(256),
    prefix: Joi.string().max(64),
    suffix: Joi.string().max(64),
  }).required(),
  phones: Joi.array()
    .items(
      labelled({
        phone: Joi.string().min(1).max(64).required(),
        waId: Joi.string()
          .pattern(/^\d{5,20}$/)
          .description('Digits: the WhatsApp id, for a "Message" button'),
      }),
    )
    .max(20),
  emails: Joi.array()
    .items(labelled({ email: Joi.string().email().max(320).required() }))
    .max(20),
  urls: Joi.array()
    .items(labelled({ url: Joi.string().uri().max(2000).required() }))
    .max(20),
  addresses: Joi.array()
    .items(
      labelled({
        street: Joi.string().max(500),
        city: Joi.string().max(200),
        state: Joi.string().max(200),
        zip: Joi.string().max(32),
        country: Joi.string().max(200),
        countryCode: Joi.string().pattern(/^[A-Za-z]{2}$/),
      }),
    )
    .max(10),
  org: Joi.object({
    company: Joi.string().max(256),
    department: Joi.string().max(256),
    title: Joi.string().max(256),
  }),
  birthday: Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
});

const reaction = Joi.object({
  messageId: uuid().required().description('Our id of the customer’s (or our) message to react to'),
  emoji: Joi.string()
    .allow('')
    .max(32)
    .pattern(/\p{Extended_Pictographic}|\p{Regional_Indicator}/u, 'an emoji')
    .required()
    .description('One emoji; an empty string takes the reaction back'),
});

/** The kinds a staff send may carry (exactly one), shared by POST /messages and /conversations/:id/messages. */
export const SEND_KINDS = {
  text: Joi.string().min(1).max(4096),
  template: templateCallSchema(),
  media: Joi.object({
    ...mediaRef,
    type: Joi.string().valid('image', 'document', 'audio', 'video', 'sticker').required(),
    caption: Joi.string().max(1024),
    filename: Joi.string().max(200),
  }).xor('id', 'link'),
  sticker: Joi.object(mediaRef).xor('id', 'link').description('A WebP sticker, by id or link'),
  interactive,
  location,
  contacts: Joi.array().items(contact).min(1).max(5).description('1–5 contact cards'),
  reaction,
};

export const oneKind = (schema: Joi.ObjectSchema) =>
  schema.xor(...(Object.keys(SEND_KINDS) as [string, ...string[]]));
