// Rules of the reply letter that more than one place needs.
import type { ReplyClass } from './model';

/**
 * B (正在解决或列入计划) and C (因条件限制以后解决) replies are promises: the letter names what
 * will be done and by when, and the signed promise becomes a commitment to look back on (回头看).
 */
export const PROMISE_CLASSES: readonly ReplyClass[] = ['B', 'C'];

export const isPromiseClass = (cls: ReplyClass | null | undefined): boolean => cls != null && PROMISE_CLASSES.includes(cls);

export const PROMISE_REQUIRED = 'B类、C类答复须写明落实事项和计划完成日期';
