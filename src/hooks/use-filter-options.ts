// What the office lists' filters offer the caller: the units to pick from (the office only; a unit's
// staff always see their own unit) and the 办理责任人 (the handlers of the chosen unit, or of the
// staff member's own), and the years with suggestions in the caller's scope (stats.years). Nothing to
// offer when these cannot be read: the list still works without them.
import { useEffect, useState } from 'react';
import type { ActionData, ActionName, ActionResult, UnitView, UserView } from '../contract';
import { call } from '../api/client';
import { useQuery } from './use-query';

export interface FilterOptions {
  office: boolean;
  units: UnitView[];
  people: UserView[];
  /** The years of 交办 with suggestions, latest first (none while unread). */
  years: number[];
}

/** One action's result once `data` is known (null: not wanted), or null while unread or failed. */
function useWhen<A extends ActionName>(action: A, data: ActionData<A> | null): ActionResult<A> | null {
  const [result, setResult] = useState<ActionResult<A> | null>(null);
  const key = data === null ? null : JSON.stringify(data);
  useEffect(() => {
    setResult(null);
    if (key === null) return undefined;
    let live = true;
    void call(action, JSON.parse(key) as ActionData<A>).then((response) => {
      if (live && response.ok) setResult(response.data);
    });
    return () => {
      live = false;
    };
  }, [action, key]);
  return result;
}

export function useFilterOptions(unitId: string | undefined): FilterOptions {
  const me = useQuery('me', {});
  const known = me.state.status === 'data' ? me.state.data : null;
  const office = known?.capabilities.includes('allSuggestions') === true;
  const staff = known !== null && !office && known.user?.unitName !== undefined;
  const units = useWhen('units.list', office ? {} : null);
  // The office: the handlers of the chosen unit (none until one is chosen); a unit's staff: their own.
  const people = useWhen('users.list', office ? (unitId ? { role: 'handler', unitId } : null) : staff ? { role: 'handler' } : null);
  const years = useWhen('stats.years', office || staff ? {} : null);
  return { office, units: units?.items ?? [], people: people?.items ?? [], years: years?.years ?? [] };
}
