// A copy on the phone of what the deputy typed and the server has not confirmed yet, so that text
// typed while the network was down, or sent by a save that failed as he left, is offered again the
// next time the form opens (docs/proposals.md). One copy per proposal, one for a new draft.
import Taro from '@tarojs/taro';
import type { SaveProposalData } from '../../../contract';

export type DraftFields = Pick<SaveProposalData, 'title' | 'content' | 'problem' | 'measures'>;

const keyOf = (id: string | undefined) => `proposal-unsaved:${id ?? 'new'}`;

export function keepUnsaved(id: string | undefined, fields: DraftFields): void {
  try {
    Taro.setStorageSync(keyOf(id), fields);
  } catch {
    // A full or unavailable storage only loses the copy, never the text on the page.
  }
}

export function unsavedOf(id: string | undefined): DraftFields | undefined {
  try {
    const value = Taro.getStorageSync(keyOf(id)) as Partial<DraftFields> | '' | undefined;
    if (!value || typeof value !== 'object') return undefined;
    const { title, content, problem, measures } = value;
    if ([title, content, problem, measures].some((x) => typeof x !== 'string')) return undefined;
    return { title: title!, content: content!, problem: problem!, measures: measures! };
  } catch {
    return undefined;
  }
}

export function dropUnsaved(id: string | undefined): void {
  try {
    Taro.removeStorageSync(keyOf(id));
  } catch {
    // Nothing to drop.
  }
}
