/** The media a template's header can show (WhatsApp's IMAGE, VIDEO and DOCUMENT header formats). */
export const HEADER_MEDIA_TYPES = ['image', 'video', 'document'] as const;
export type HeaderMediaType = (typeof HEADER_MEDIA_TYPES)[number];

/**
 * A header's value at send time: the text of a text header's `{{1}}`, or the media of a media
 * header, by the id of a file uploaded with POST /media (or a provider media id) or by a public link.
 */
export type HeaderParam =
  { type: 'text'; text: string } | { type: HeaderMediaType; id?: string; link?: string; filename?: string };

/**
 * A button's value at send time, by the button's index in the template: the payload a quick reply
 * sends back when tapped, or the suffix that fills a URL button's `{{1}}`.
 */
export type ButtonParam =
  { index: number; type: 'quick_reply'; payload: string } | { index: number; type: 'url'; text: string };

/** Everything a template send fills in, per component. */
export interface TemplateSendParams {
  /** The body's `{{1}}…{{n}}`, in order. */
  params: string[];
  header?: HeaderParam;
  buttons?: ButtonParam[];
}

export const buttonValue = (b: ButtonParam): string => (b.type === 'url' ? b.text : b.payload);

/** The media id of a media header, if the call sends one by id. */
export const headerMediaId = (call: TemplateSendParams | undefined): string | undefined =>
  call?.header && call.header.type !== 'text' ? call.header.id : undefined;
