import Joi from 'joi';
import { publicLink } from '../../../shared/http/api/schemas';
import { HEADER_MEDIA_TYPES } from '../domain/templateSendParams';

const mediaHeader = Joi.object({
  type: Joi.string()
    .valid(...HEADER_MEDIA_TYPES)
    .required(),
  id: Joi.string()
    .max(256)
    .description(
      'A file uploaded with POST /media (sent by the provider’s media id), or a provider media id',
    ),
  link: publicLink().description('A public URL the provider fetches itself'),
  filename: Joi.string().max(200).description('Documents only: the name the recipient sees'),
}).xor('id', 'link');

const header = Joi.alternatives()
  .conditional('.type', {
    is: 'text',
    then: Joi.object({
      type: Joi.string().valid('text').required(),
      text: Joi.string().max(60).required(),
    }),
    otherwise: mediaHeader,
  })
  .description(
    'The header’s value, when the template’s header takes one: `{type: "text", text}` for a text header with `{{1}}`, or `{type: "image"|"video"|"document", id | link}` for a media header',
  );

const button = Joi.alternatives().conditional('.type', {
  is: 'quick_reply',
  then: Joi.object({
    index: Joi.number().integer().min(0).max(9).required(),
    type: Joi.string().valid('quick_reply').required(),
    payload: Joi.string()
      .max(1000)
      .required()
      .description('Sent back in the webhook when the button is tapped'),
  }),
  otherwise: Joi.object({
    index: Joi.number().integer().min(0).max(9).required(),
    type: Joi.string().valid('url').required(),
    text: Joi.string().max(2000).required().description('Fills the `{{1}}` at the end of the button’s URL'),
  }),
});

/**
 * A template send in a request body (POST /messages, /conversations/:id/messages, /broadcasts).
 * Shapes are checked here (400); whether the values fit the stored template is checked by the
 * use case (422 TEMPLATE_PARAMS naming the field).
 */
export const templateCallSchema = () =>
  Joi.object({
    name: Joi.string().max(512).required(),
    language: Joi.string().max(16).description('The tenant’s default language when omitted'),
    params: Joi.array()
      .items(Joi.string().max(1024))
      .max(20)
      .default([])
      .description('The body’s {{1}}…{{n}}'),
    header,
    buttons: Joi.array()
      .items(button)
      .max(10)
      .description('Button values by button index: a URL button’s suffix or a quick reply’s payload'),
  });
