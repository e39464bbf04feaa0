// The wire contract: the public view (no login). Types, and the words of each action; see docs/architecture.md.
import { said, type WordsOf } from './words';
import type { DisclosureMode, ReplyClass } from '../core/model';
import type { PageQuery, Paged } from './common';

export interface PublicListData extends PageQuery {
  keyword?: string;
  session?: string;
  /** The Shanghai year the suggestion was assigned (created, if never assigned). */
  year?: number;
  /** Only suggestions this unit handled (any role). */
  unitId?: string;
}
export interface PublicSuggestionItem {
  id: string;
  number: string;
  title: string;
  session: string;
  leadDeputyName: string;
  disclosedAt: string;
  year: number;
  unitNames: string[];
}
export interface PublicListResult extends Paged<PublicSuggestionItem> {
  /** What the filters can choose from: every year and unit with a disclosed suggestion. */
  years: number[];
  units: { id: string; name: string }[];
}
export interface PublicGetData {
  id: string;
}
export interface PublicSuggestionDetail extends PublicSuggestionItem {
  content: string; // the full text, or the summary when only a summary is disclosed
  delegation: string;
  disclosureMode: DisclosureMode;
  replies: { unitName: string; round: number; class: ReplyClass; classLabel: string; text: string; signedAt: string }[];
  feedback: { round: number; attitudeLabel: string; resultLabel: string }[];
}

/** The public actions: each one's request data and result. */
export interface PublicActions {
  'public.list': { data: PublicListData; result: PublicListResult };
  'public.get': { data: PublicGetData; result: PublicSuggestionDetail };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const PUBLIC_ACTIONS = {
  'public.list': said('查看公开建议'),
  'public.get': said('查看公开建议'),
} as const satisfies WordsOf<PublicActions>;
