import type { FakeProviderServer } from './FakeProviderServer';
import { sendJson } from './FakeProviderServer';
import type { FakeTemplate } from './FakeTemplateApi';

/**
 * Edits and deletions on the fake's templates (`fake.templates.existing`), answering like Meta:
 * `POST /{version}/{template-id}` (content replaced, back to PENDING) and
 * `DELETE /{version}/{waba-id}/message_templates?name=&hsm_id=`; 360dialog's
 * `DELETE /v1/configs/templates/{name}`.
 */
export function fakeTemplateChanges(fake: FakeProviderServer): void {
  const existing = fake.templates.existing;
  const removeWhere = (keep: (t: FakeTemplate) => boolean) => {
    const before = existing.length;
    existing.splice(0, existing.length, ...existing.filter(keep));
    return existing.length < before;
  };
  fake.route('POST', '/:version/:templateId', (req, res) => {
    if (!fake.authorize(req, res)) return;
    const template = existing.find((t) => t.id === req.params.templateId);
    if (!template)
      return sendJson(res, 400, {
        error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 },
      });
    const body = JSON.parse(req.body.toString('utf8')) as { components: unknown[]; category?: string };
    Object.assign(template, { components: body.components, status: 'PENDING' });
    sendJson(res, 200, { success: true });
  });
  fake.route('DELETE', '/:version/:wabaId/message_templates', (req, res) => {
    if (!fake.authorize(req, res)) return;
    const [name, id] = [req.query.get('name'), req.query.get('hsm_id')];
    sendJson(res, 200, { success: removeWhere((t) => t.name !== name || (id !== null && t.id !== id)) });
  });
  fake.route('DELETE', '/v1/configs/templates/:name', (req, res) => {
    if (!fake.authorize(req, res)) return;
    sendJson(res, 200, { success: removeWhere((t) => t.name !== req.params.name) });
  });
}

/** What Meta's reviewers decided about a submitted template (the webhook is the test's to send). */
export function decide(
  fake: FakeProviderServer,
  name: string,
  status: string,
  reason = 'NONE',
): FakeTemplate {
  const template = fake.templates.existing.find((t) => t.name === name);
  if (!template) throw new Error(`no fake template ${name}`);
  return Object.assign(template, { status, rejected_reason: reason });
}
