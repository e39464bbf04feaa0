// The wire contract: the action map, joined from the areas' maps (each area's file declares its
// actions' data, results and words together). Types only; see docs/architecture.md.
import type { ActionName } from './names';
import type { IdentityActions } from './identity';
import type { SuggestionActions } from './suggestions';
import type { TaskActions } from './tasks';
import type { DeputyActions } from './deputies';
import type { OfficeActions } from './office';
import type { NotificationActions } from './notifications';
import type { RosterActions } from './roster';
import type { PublicActions } from './public';
import type { PaperActions } from './papers';
import type { ProposalActions } from './proposals';

export type ActionMap = IdentityActions &
  SuggestionActions &
  TaskActions &
  DeputyActions &
  OfficeActions &
  NotificationActions &
  RosterActions &
  PublicActions &
  PaperActions &
  ProposalActions;

/** A key of the map that is not an action name, or an action name missing from the map, fails here. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const ACTION_MAP_IS_COMPLETE: Exactly<keyof ActionMap, ActionName> = true;

export type ActionData<A extends ActionName> = ActionMap[A]['data'];
export type ActionResult<A extends ActionName> = ActionMap[A]['result'];
