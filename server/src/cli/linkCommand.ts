import fs from 'node:fs/promises';
import path from 'node:path';
import type { ClickToChatLink } from '../modules/usage/application/ClickToChatLink';
import type { QrCodes } from '../modules/usage/domain/ClickToChat';
import { TYPES } from '../types';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import { resolveTenant } from './resolveTenant';
import { UsageError } from './UsageError';

/** The QR code's image type, from the file name: `.svg` or `.png`. */
function qrFormat(file: string): 'svg' | 'png' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.svg' || ext === '.png') return ext.slice(1) as 'svg' | 'png';
  throw new UsageError(`--qr ${file}: the file must end in .svg or .png`);
}

/**
 * `link --tenant T [--text T] [--qr FILE.svg|.png] [--json]` (SPEC §17): prints the tenant's
 * click-to-chat link and, with --qr, writes its QR code. Needs only the tenant's number.
 */
export const link: Command = async (args, ctx) => {
  const o = parse(args, { tenant: text, text, qr: text, json });
  const qrFile = o.qr as string | undefined;
  const format = qrFile === undefined ? undefined : qrFormat(qrFile);
  const result = await withRuntime(ctx, async ({ container }) => {
    const tenant = await resolveTenant(container, o.tenant as string | undefined);
    const found = await container
      .get<ClickToChatLink>(TYPES.ClickToChatLink)
      .execute(tenant.id, o.text as string);
    if (qrFile && format) {
      const qr = container.get<QrCodes>(TYPES.QrCodes);
      await fs.writeFile(qrFile, format === 'svg' ? await qr.svg(found.url) : await qr.png(found.url));
    }
    return found;
  });
  ctx.io.out(o.json ? JSON.stringify({ ...result, qr: qrFile ?? null }) : result.url);
  if (qrFile && !o.json) ctx.io.err(`QR code written to ${qrFile}`);
};
