import { buttonValue, type HeaderParam } from '../../../modules/template/domain/templateSendParams';
import type { SendTemplateRequest, SessionMessage, TemplateHeaderValue } from '../provider/WhatsappProvider';
import type { DeliveryPlan } from './deliveryRules';

type Media = Extract<SessionMessage, { kind: 'media' }>;

/**
 * The provider request of a template plan. A media header goes through `resolveMedia` like a media
 * message, so a file uploaded with POST /media is sent by the provider's media id.
 */
export async function templateSendRequest(
  to: string,
  plan: Extract<DeliveryPlan, { kind: 'template' }>,
  resolveMedia: (media: Media) => Promise<SessionMessage>,
): Promise<SendTemplateRequest> {
  return {
    to,
    name: plan.name,
    language: plan.language,
    bodyParams: plan.params,
    ...(plan.header ? { header: await headerValue(plan.header, resolveMedia) } : {}),
    ...(plan.buttons?.length
      ? {
          buttonParams: plan.buttons.map((b) => ({ index: b.index, subType: b.type, param: buttonValue(b) })),
        }
      : {}),
    providerTemplateId: plan.providerTemplateId,
  };
}

async function headerValue(
  header: HeaderParam,
  resolveMedia: (media: Media) => Promise<SessionMessage>,
): Promise<TemplateHeaderValue> {
  if (header.type === 'text') return { kind: 'text', text: header.text };
  const resolved = (await resolveMedia({
    kind: 'media',
    mediaType: header.type,
    mediaId: header.id,
    link: header.link,
    filename: header.filename,
  })) as Media;
  return {
    kind: 'media',
    mediaType: header.type,
    mediaId: resolved.mediaId,
    link: resolved.link,
    filename: resolved.filename,
  };
}
