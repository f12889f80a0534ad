import type { Container } from 'inversify';
import Joi from 'joi';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, timestamp } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { PanicMode, PanicStatus } from '../dispatch/PanicMode';

const panicSchema = Joi.object({
  active: Joi.boolean().required().description('Sending is paused for the tenant; queued messages wait'),
  reason: nullable(Joi.string().valid('auth', 'failure_rate', 'throttling')),
  since: nullable(timestamp()),
  resumesAt: nullable(timestamp()).description('When it resumes by itself'),
}).label('PanicMode');

const panicJson = (s: PanicStatus) => ({
  active: s.active,
  reason: s.reason ?? null,
  since: s.since ?? null,
  resumesAt: s.resumesAt ?? null,
});

export function panicModeRoutes(container: Container): RouteDefinition[] {
  const panic = () => container.get<PanicMode>(TYPES.PanicMode);
  return [
    defineRoute({
      method: 'get',
      path: '/panic-mode',
      tag: 'panic mode',
      summary: 'Whether sending is paused for the caller’s tenant, why, and until when',
      permission: 'resume_panic_mode',
      responses: { 200: { description: 'The panic state', schema: panicSchema } },
      async handler({ actor }) {
        return { status: 200, body: panicJson(await panic().status(actor.tenantId)) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/panic-mode/resume',
      tag: 'panic mode',
      summary: 'Resume sending now (audited); a no-op when not paused',
      permission: 'resume_panic_mode',
      responses: { 200: { description: 'The panic state after resuming', schema: panicSchema } },
      async handler({ actor }) {
        return { status: 200, body: panicJson(await panic().resume(actor)) };
      },
    }),
  ];
}
