// office.settings / office.update: the deployment's own settings (docs/papers.md) — its name (asked
// at setup), the 主送 of its annual summary, and what every reply letter carries (抄送, addressees,
// 公开属性 before the office's disclosure decision). The office reads and changes them; audited.
import * as z from 'zod';
import type { Empty, OfficeSettingsView, UpdateOfficeSettingsData } from '../../contract';
import { AppError } from '../../core/errors';
import type { OfficeSettings } from '../../core/model';
import { authorize } from '../access/permissions';
import { OFFICE_SETTINGS_ID, officeSettings } from '../queries/office-settings';
import { caller, defineUseCase, event } from '../use-case';
import { optionalText, text } from '../validation';

export function officeSettingsView(s: OfficeSettings | undefined): OfficeSettingsView {
  return {
    name: s?.name ?? '',
    ...(s?.reportTo ? { reportTo: s.reportTo } : {}),
    letterCc: s?.letterCc ?? [],
    letterToCoSigners: s?.letterToCoSigners === true,
    letterPublicity: s?.letterPublicity ?? 'onRequest',
    version: s?.version ?? 0,
  };
}

export const getOfficeSettings = defineUseCase({
  action: 'office.settings',
  access: 'user',
  schema: z.object({}) as unknown as z.ZodType<Empty>,
  async run(_data, ctx): Promise<OfficeSettingsView> {
    authorize(caller(ctx), 'office.settings');
    return officeSettingsView(await officeSettings(ctx.deps.store));
  },
});

const schema: z.ZodType<UpdateOfficeSettingsData> = z.object({
  name: text(50),
  reportTo: optionalText(50),
  letterCc: z.array(text(50)).max(10).optional(),
  letterToCoSigners: z.boolean().optional(),
  letterPublicity: z.enum(['public', 'onRequest', 'none']).optional(),
  version: z.number().int().min(0),
});

export const updateOfficeSettings = defineUseCase({
  action: 'office.update',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const user = caller(ctx);
    authorize(user, 'office.update');
    return ctx.write(async (tx): Promise<OfficeSettingsView> => {
      const current = await tx.get('settings', OFFICE_SETTINGS_ID);
      if ((current?.version ?? 0) !== data.version) throw new AppError('CONFLICT', '本机关设置已被他人修改，请刷新后重试');
      const next: OfficeSettings = {
        id: OFFICE_SETTINGS_ID,
        name: data.name,
        ...(data.reportTo ? { reportTo: data.reportTo } : {}),
        letterCc: [...new Set(data.letterCc ?? current?.letterCc ?? [])],
        letterToCoSigners: data.letterToCoSigners ?? current?.letterToCoSigners ?? false,
        letterPublicity: data.letterPublicity ?? current?.letterPublicity ?? 'onRequest',
        updatedAt: ctx.now,
        updatedBy: user.id,
        version: data.version + 1,
      };
      if (current) tx.update('settings', next);
      else tx.insert('settings', next);
      tx.appendEvent(event(ctx, { action: 'office.update', entity: 'settings', entityId: OFFICE_SETTINGS_ID, detail: { name: next.name, reportTo: next.reportTo ?? null, letterCc: next.letterCc } }));
      return officeSettingsView(next);
    });
  },
});
