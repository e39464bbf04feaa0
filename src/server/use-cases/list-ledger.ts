// ledger.list: the ledger page by page.
import * as z from 'zod';
import type { LedgerListResult, LedgerQuery } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { ledgerRows } from '../ledger';
import { caller, defineUseCase } from '../use-case';
import { pageFields } from '../validation';
import { statsQueryFields } from './get-stats';

export const ledgerQuerySchema: z.ZodType<LedgerQuery> = z.object({
  ...statsQueryFields,
  status: z.enum(['pending', 'handling', 'replied', 'closed', 'disclosed', 'archived']).optional(),
  ...pageFields,
});

export const listLedger = defineUseCase({
  action: 'ledger.list',
  access: 'user',
  schema: ledgerQuerySchema,
  async run(data, ctx): Promise<LedgerListResult> {
    const rows = await ledgerRows(ctx.deps.store, caller(ctx), data, shanghaiDate(ctx.now));
    const page = data.page ?? 1;
    const pageSize = data.pageSize ?? 20;
    return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
  },
});
