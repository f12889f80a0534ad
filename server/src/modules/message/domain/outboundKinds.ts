/**
 * The session message kinds beyond text and media (SPEC §21), as queued in
 * `whatsapp_messages.content`. Each is only deliverable while the recipient's 24-hour window is
 * open; providers map them to their own payloads (or refuse what they cannot carry).
 */
interface InteractiveFrame {
  body: string;
  /** A text header. */
  header?: string;
  footer?: string;
}

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListSection {
  title?: string;
  rows: Array<{ id: string; title: string; description?: string }>;
}

export type InteractiveCall =
  | (InteractiveFrame & { type: 'button'; buttons: ReplyButton[] })
  | (InteractiveFrame & { type: 'list'; buttonText: string; sections: ListSection[] })
  | (InteractiveFrame & { type: 'cta_url'; displayText: string; url: string });

export interface LocationCall {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

type Labelled = { type?: 'HOME' | 'WORK' };

/** A contact card (vCard-like), Meta's `contacts[]` in camelCase. */
export interface ContactCard {
  name: {
    formattedName: string;
    firstName?: string;
    lastName?: string;
    middleName?: string;
    prefix?: string;
    suffix?: string;
  };
  phones?: Array<Labelled & { phone: string; waId?: string }>;
  emails?: Array<Labelled & { email: string }>;
  urls?: Array<Labelled & { url: string }>;
  addresses?: Array<
    Labelled & {
      street?: string;
      city?: string;
      state?: string;
      zip?: string;
      country?: string;
      countryCode?: string;
    }
  >;
  org?: { company?: string; department?: string; title?: string };
  /** YYYY-MM-DD */
  birthday?: string;
}

/** A reaction to one of the conversation's messages; `emoji: ''` takes a reaction back. */
export interface ReactionCall {
  /** Our id of the message reacted to. */
  messageId: string;
  /** Its provider id, resolved when the reaction is queued. */
  providerMessageId: string;
  emoji: string;
}

/** An SMS (the fallback of a message WhatsApp could not deliver): the number it goes out from. */
export interface SmsCall {
  from: string;
}
