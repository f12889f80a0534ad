import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../http/providerRequest';
import type {
  MediaUpload,
  SendingAccount,
  SendMessageRequest,
  SendResult,
  SendTemplateRequest,
  WhatsappProvider,
} from '../WhatsappProvider';
import { badResponse } from './badResponse';
import { callCloudApi } from './callCloudApi';
import type { CloudApiEndpoint } from './CloudApiEndpoint';
import { messagePayload } from './messagePayload';
import { templatePayload } from './templatePayload';
import { checkUploadSize } from './uploadLimit';

/**
 * The WhatsApp Cloud API: Meta's Graph API and 360dialog's relay of it take the same payloads;
 * the endpoint supplies the URLs and credentials.
 */
export class CloudApiProvider implements WhatsappProvider {
  constructor(
    private readonly endpoint: CloudApiEndpoint,
    private readonly timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS,
  ) {}

  get name() {
    return this.endpoint.name;
  }

  async sendMessage(account: SendingAccount, request: SendMessageRequest, signal?: AbortSignal) {
    return this.send(account, messagePayload(request), signal);
  }

  async sendTemplate(account: SendingAccount, request: SendTemplateRequest, signal?: AbortSignal) {
    return this.send(account, templatePayload(request), signal);
  }

  async uploadMedia(account: SendingAccount, media: MediaUpload, signal?: AbortSignal) {
    checkUploadSize(media);
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', media.mimeType);
    form.append('file', new Blob([media.bytes], { type: media.mimeType }), media.filename ?? 'upload');
    const body = await this.call(account, 'media', form, signal);
    const id = (body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !id) throw badResponse('a media id');
    return { mediaId: id };
  }

  async markAsRead(
    account: SendingAccount,
    providerMessageId: string,
    signal?: AbortSignal,
    options: { typing?: boolean } = {},
  ) {
    const payload = {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: providerMessageId,
      ...(options.typing && { typing_indicator: { type: 'text' } }),
    };
    await this.call(account, 'messages', JSON.stringify(payload), signal);
  }

  /** The Cloud API carries every session message kind. */
  cannotCarry(): undefined {
    return undefined;
  }

  private async send(
    account: SendingAccount,
    payload: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<SendResult> {
    const body = (await this.call(account, 'messages', JSON.stringify(payload), signal)) as
      { messages?: Array<{ id?: unknown }> } | undefined;
    const id = body?.messages?.[0]?.id;
    if (typeof id !== 'string' || !id) throw badResponse('a message id');
    return { providerMessageId: id };
  }

  private async call(
    account: SendingAccount,
    resource: 'messages' | 'media',
    body: string | FormData,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const headers = {
      ...this.endpoint.authHeaders(account),
      ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    };
    const url = this.endpoint.url(account, resource);
    return callCloudApi({ method: 'POST', url, headers, body }, { signal, timeoutMs: this.timeoutMs });
  }
}
