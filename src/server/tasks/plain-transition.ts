// The one use case of every plain task transition (transition(...) in access/permissions.ts): the data
// is the task and the version the caller saw, and the core's workflow table decides the rest
// (docs/architecture.md, Adding an action).
import * as z from 'zod';
import { ACTION_WORDS, type TaskRef } from '../../contract';
import type { TaskAction } from '../../core/workflow';
import type { PlainTransition } from '../access/permissions';
import { defineUseCase } from '../use-case';
import { taskRefFields } from '../validation';
import { runTaskAction } from './run-task-action';

const schema: z.ZodType<TaskRef> = z.object(taskRefFields);

export function plainTransition<A extends PlainTransition>(action: A) {
  const type = ACTION_WORDS[action].workflow;
  return defineUseCase({
    action,
    access: 'user',
    schema,
    // A plain transition's workflow action carries no payload beside its type.
    run: (data, ctx) => runTaskAction(ctx, { action, taskId: data.taskId, version: data.version, toCore: () => ({ type }) as TaskAction }),
  });
}
