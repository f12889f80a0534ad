import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Template = ItemOf<'/templates'>;
export const TEMPLATE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export const TEMPLATE_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

export const useTemplates = (status: string) =>
  usePagedQuery(['templates', { status }], (cursor) =>
    unwrap(
      api.GET('/templates', {
        params: { query: { status: (status || undefined) as never, cursor, limit: 100 } },
      }),
    ),
  );

function useTemplateMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ['templates'] }),
  });
}

export interface NewTemplate {
  name: string;
  language: string;
  category: (typeof TEMPLATE_CATEGORIES)[number];
  body: string;
  bodyExamples?: string[];
  footer?: string;
}

export type TemplateChanges = BodyOf<'/templates/{id}', 'patch'>;

/** Submits a new template, or changes to one (which sends it back to review). */
export const useSaveTemplate = () =>
  useTemplateMutation((input: { draft: NewTemplate } | { id: string; changes: TemplateChanges }) =>
    'id' in input
      ? unwrap(api.PATCH('/templates/{id}', { params: { path: { id: input.id } }, body: input.changes }))
      : unwrap(api.POST('/templates', { body: input.draft })),
  );
export const useSyncTemplates = () => useTemplateMutation(() => unwrap(api.POST('/templates/sync')));
export const useDeleteTemplate = () =>
  useTemplateMutation((id: string) => unwrap(api.DELETE('/templates/{id}', { params: { path: { id } } })));

/** How many `{{n}}` parameters a body takes. */
export const parameterCount = (body: string): number => new Set(body.match(/\{\{\s*\d+\s*\}\}/g) ?? []).size;
