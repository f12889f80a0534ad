import { escapeHtml as escape } from '../escapeHtml';
import type { OpenApiDocument } from './openApiDocument';

const json = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

interface Operation {
  summary: string;
  description: string;
  tags: string[];
  parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

function operation(method: string, path: string, op: Operation): string {
  const params = op.parameters.length
    ? `<table><tr><th>name</th><th>in</th><th>schema</th><th></th></tr>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${escape(p.name)}</code>${p.required ? ' *' : ''}</td><td>${p.in}</td><td><code>${escape(
              JSON.stringify(p.schema),
            )}</code></td><td>${escape(p.description ?? '')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const body = op.requestBody
    ? Object.entries(op.requestBody.content)
        .map(
          ([type, c]) =>
            `<details><summary>Request body (${escape(type)})</summary>${json(c.schema)}</details>`,
        )
        .join('')
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const content = Object.entries(r.content ?? {})
        .map(([type, c]) => `<details><summary>${escape(type)}</summary>${json(c.schema)}</details>`)
        .join('');
      return `<li><b>${status}</b> ${escape(r.description)}${content}</li>`;
    })
    .join('');
  return `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(
    path,
  )}</code> — ${escape(op.summary)}</h3><p>${escape(op.description).replace(/\n\n/g, '<br>')}</p>${params}${body}<ul>${responses}</ul></section>`;
}

/**
 * A browsable page of the OpenAPI document, rendered on the server from the document itself: no
 * script, no CDN, nothing to keep in sync (docs/decisions/0007-rest-api.md).
 */
export function docsPage(document: OpenApiDocument): string {
  const info = document.info as { title: string; version: string; description: string };
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      const list = byTag.get(op.tags[0]) ?? [];
      list.push(operation(method, path, op));
      byTag.set(op.tags[0], list);
    }
  const toc = [...byTag.keys()].map((t) => `<a href="#${escape(t)}">${escape(t)}</a>`).join(' · ');
  const sections = [...byTag.entries()]
    .map(([tag, ops]) => `<h2 id="${escape(tag)}">${escape(tag)}</h2>${ops.join('')}`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f6f6f6;padding:.6em;overflow:auto}
.op{border:1px solid #ddd;border-radius:6px;padding:.2em 1em;margin:1em 0}.m{padding:.1em .4em;border-radius:4px;color:#fff}
.get{background:#2f6fbd}.post{background:#2a8a4a}.patch{background:#b07b12}.delete{background:#b53a2f}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}</style></head>
<body><h1>${escape(info.title)} <small>${escape(info.version)}</small></h1><p>${escape(info.description)}</p>
<p>Base path <code>/api/v1</code> · machine-readable: <a href="/openapi.json">/openapi.json</a></p><nav>${toc}</nav>${sections}</body></html>`;
}
