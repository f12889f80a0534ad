import { ConflictError, type FieldProblem } from '../../../shared/errors/AppError';

/** A saved answer staff insert in a reply by typing `/shortcut` (as in the WhatsApp Business app). */
export interface QuickReply {
  id: string;
  tenantId: string;
  shortcut: string;
  text: string;
  updatedBy?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuickReplyInput {
  shortcut: string;
  text: string;
}

/** What WhatsApp takes in one text message. */
export const MAX_TEXT = 4096;
const SHORTCUT = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** The shortcut as stored: without a leading `/`, lowercase. */
export const normalShortcut = (shortcut: string) => shortcut.trim().replace(/^\//, '').toLowerCase();

/** What is wrong with the given fields, each named; undefined fields are not checked. */
export function quickReplyProblems(input: Partial<QuickReplyInput>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.shortcut !== undefined && !SHORTCUT.test(normalShortcut(input.shortcut)))
    problems.push({
      field: 'shortcut',
      message: 'must be 1 to 32 letters, digits, - or _, starting with a letter or digit',
    });
  if (input.text !== undefined && (!input.text.trim() || input.text.length > MAX_TEXT))
    problems.push({ field: 'text', message: `must be 1 to ${MAX_TEXT} characters` });
  return problems;
}

/** 409: a tenant's shortcuts are unique. */
export const shortcutTaken = (shortcut: string) =>
  new ConflictError('QUICK_REPLY_EXISTS', `The shortcut /${shortcut} is already used`, {
    fields: [{ field: 'shortcut', message: 'is already used by another quick reply' }],
  });

/** Port: the tenant's quick replies (table `quick_replies`). */
export interface QuickReplies {
  /** Undefined when the tenant already has the shortcut. */
  create(tenantId: string, input: QuickReplyInput, by: string): Promise<QuickReply | undefined>;
  /** The reply as changed; undefined when the tenant has none with this id. */
  update(
    tenantId: string,
    id: string,
    changes: Partial<QuickReplyInput>,
    by: string,
  ): Promise<QuickReply | undefined>;
  /** The reply as it was; undefined when the tenant has none with this id. */
  remove(tenantId: string, id: string): Promise<QuickReply | undefined>;
}
