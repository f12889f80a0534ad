import { fromMetaComponents } from './metaComponents';
import type { TemplateContent } from './TemplateContent';
import { countPlaceholders } from './templateParameters';
import { HEADER_MEDIA_TYPES, type HeaderMediaType } from './templateSendParams';

/** What a template's header takes at send time; `unsupported`: a location, or a format we do not know. */
export type HeaderSlot = 'none' | 'text' | HeaderMediaType | 'unsupported';
/**
 * What a button takes: a URL suffix (required; an OTP copy-code button takes the code the same
 * way), a quick-reply payload (optional), or nothing.
 */
export type ButtonSlot = 'url' | 'quick_reply' | 'fixed';

/** The values a send of a template must (or may) carry, component by component. */
export interface TemplateSlots {
  header: HeaderSlot;
  /** How many body parameters. */
  body: number;
  /** One per button, in the template's order (the index a send names). */
  buttons: ButtonSlot[];
}

function headerSlot(content: TemplateContent): HeaderSlot {
  const header = content.header;
  if (!header) return 'none';
  if (header.format === 'TEXT') return countPlaceholders(header.text) > 0 ? 'text' : 'none';
  const media = header.format.toLowerCase();
  return (HEADER_MEDIA_TYPES as readonly string[]).includes(media)
    ? (media as HeaderMediaType)
    : 'unsupported';
}

export function templateSlots(content: TemplateContent): TemplateSlots {
  return {
    header: headerSlot(content),
    body: countPlaceholders(content.body),
    buttons: (content.buttons ?? []).map((b) =>
      b.type === 'QUICK_REPLY'
        ? 'quick_reply'
        : b.type === 'OTP' || (b.type === 'URL' && countPlaceholders(b.url))
          ? 'url'
          : 'fixed',
    ),
  };
}

/** The slots of a template as stored (`whatsapp_templates.components`, the Cloud API shape). */
export const slotsOfComponents = (components: unknown): TemplateSlots =>
  templateSlots(fromMetaComponents(components));
