// units.list: the handling units (承办单位) with their departments.
import * as z from 'zod';
import type { ActionResult, Empty } from '../../contract';
import { defineUseCase } from '../use-case';

export const listUnits = defineUseCase({
  action: 'units.list',
  access: 'user',
  schema: z.object({}) as unknown as z.ZodType<Empty>,
  async run(_data, ctx): Promise<ActionResult<'units.list'>> {
    const units = await ctx.deps.store.find('units');
    units.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return { items: units.map((u) => ({ id: u.id, name: u.name, departments: [...u.departments] })) };
  },
});
