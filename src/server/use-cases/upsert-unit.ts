// units.upsert: the office adds a unit or renames it / changes its departments.
import * as z from 'zod';
import type { UnitView, UpsertUnitData } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { caller, defineUseCase, event } from '../use-case';
import { newId } from '../ports/ids';
import { idField, text } from '../validation';

const schema: z.ZodType<UpsertUnitData> = z.object({ id: idField.optional(), name: text(50), departments: z.array(text(50)).max(50).optional() });

export const upsertUnit = defineUseCase({
  action: 'units.upsert',
  access: 'user',
  schema,
  run: (data, ctx) => {
    authorize(caller(ctx), 'units.upsert');
    return ctx.write(async (tx): Promise<UnitView> => {
      const [sameName] = await tx.find('units', { where: { name: data.name }, limit: 1 });
      if (sameName && sameName.id !== data.id) throw new AppError('VALIDATION', `「单位名称」${data.name}已存在`);
      const departments = [...new Set(data.departments ?? [])];
      if (data.id) {
        const unit = await tx.get('units', data.id);
        if (!unit) throw new AppError('NOT_FOUND', '没有找到该单位');
        const next = { ...unit, name: data.name, departments: data.departments ? departments : unit.departments };
        tx.update('units', next);
        tx.appendEvent(event(ctx, { action: 'units.upsert', entity: 'unit', entityId: unit.id, detail: { name: next.name } }));
        return { id: next.id, name: next.name, departments: next.departments };
      }
      const unit = { id: newId(), name: data.name, departments };
      tx.insert('units', unit);
      tx.appendEvent(event(ctx, { action: 'units.upsert', entity: 'unit', entityId: unit.id, detail: { name: unit.name } }));
      return unit;
    });
  },
});
