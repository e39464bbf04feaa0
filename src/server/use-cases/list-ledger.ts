// ledger.list: the ledger page by page, filtered, searched and sorted (see docs/list-parameters.md).
import * as z from 'zod';
import type { LedgerListResult, LedgerQuery } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { caseFilterFields, pagingOf } from '../queries/case-queries';
import { ledgerRows } from '../queries/ledger';
import { caller, defineUseCase } from '../use-case';

export const ledgerQuerySchema: z.ZodType<LedgerQuery> = z.object(caseFilterFields);

export const listLedger = defineUseCase({
  action: 'ledger.list',
  access: 'user',
  schema: ledgerQuerySchema,
  async run(data, ctx): Promise<LedgerListResult> {
    const { page, pageSize, offset } = pagingOf(data);
    const { rows, total } = await ledgerRows(ctx.deps.store, caller(ctx), data, shanghaiDate(ctx.now), ctx.deps.policy, { offset, limit: pageSize });
    return { items: rows, total, page, pageSize };
  },
});
