// Shapes the pages read. Provisional until src/core/contract.ts publishes the action types.
import type { Role, SuggestionStatus } from '../core/model';

export interface MeData {
  user: { id: string; name: string; roles: Role[]; unitId?: string; unitName?: string } | null;
}

export interface SuggestionListItem {
  id: string;
  number: string;
  title: string;
  status: SuggestionStatus;
  replyDue?: string;
}

export interface SuggestionListData {
  items: SuggestionListItem[];
}
