// units.upsert: the office adds a unit or renames it / changes its departments. A rename is audited with
// the name it had (`was`); every record refers to the unit by its id, so all of them follow the new name.
import * as z from 'zod';
import type { UnitView, UpsertUnitData } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { caller, defineUseCase, event } from '../use-case';
import { newId } from '../ports/ids';
import { idField, optionalText, text } from '../validation';
import type { Unit, UnitLetterSettings } from '../../core/model';

// The reply letters' settings (docs/papers.md): 机关代字, 发文机关标志 or printed paper, sealed or not.
const letter = z.object({ code: optionalText(20), mark: optionalText(30), printedPaper: z.boolean().optional(), sealed: z.boolean().optional() });
const schema: z.ZodType<UpsertUnitData> = z.object({ id: idField.optional(), name: text(50), departments: z.array(text(50)).max(50).optional(), letter: letter.optional() });

/** The letter settings without empty parts (an emptied 机关代字 returns to the default). */
function letterSettings(l: UpsertUnitData['letter']): UnitLetterSettings | undefined {
  if (!l) return undefined;
  const clean: UnitLetterSettings = {
    ...(l.code ? { code: l.code } : {}),
    ...(l.mark ? { mark: l.mark } : {}),
    ...(l.printedPaper !== undefined ? { printedPaper: l.printedPaper } : {}),
    ...(l.sealed !== undefined ? { sealed: l.sealed } : {}),
  };
  return clean;
}

const view = (u: Unit): UnitView => ({ id: u.id, name: u.name, departments: u.departments, ...(u.letter ? { letter: u.letter } : {}) });

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
        const letter = letterSettings(data.letter) ?? unit.letter;
        const next: Unit = { ...unit, name: data.name, departments: data.departments ? departments : unit.departments, ...(letter ? { letter } : {}) };
        tx.update('units', next);
        tx.appendEvent(event(ctx, { action: 'units.upsert', entity: 'unit', entityId: unit.id, detail: { name: next.name, ...(unit.name !== next.name ? { was: unit.name } : {}), ...(data.letter ? { letter: letter ?? null } : {}) } }));
        return view(next);
      }
      const letter = letterSettings(data.letter);
      const unit: Unit = { id: newId(), name: data.name, departments, ...(letter ? { letter } : {}) };
      tx.insert('units', unit);
      tx.appendEvent(event(ctx, { action: 'units.upsert', entity: 'unit', entityId: unit.id, detail: { name: unit.name } }));
      return view(unit);
    });
  },
});
