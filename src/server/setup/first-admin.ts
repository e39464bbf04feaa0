// The first administrator of a new deployment: with nobody registered, nobody could issue a bind code.
// The setup step (cloudfunctions/setup, run once from the console) registers one administrator and
// returns a one-time bind code; the administrator enters it in the mini-program (users.bind).
import { openBindCode } from '../access/bind-codes';
import type { OfficeSettings } from '../../core/model';
import { OFFICE_SETTINGS_ID } from '../queries/office-settings';
import type { Clock, Store, Tx } from '../ports';
import { newId } from '../ports/ids';

export const SETUP_ACTOR = 'setup';

export type FirstAdmin = { status: 'created'; userId: string; code: string; expiresAt: string } | { status: 'exists' };

/** Names the deployment (who reports in the annual summary) unless it has a name already; audited. */
export async function nameOffice(tx: Tx, o: { name: string; actorId: string; now: string }): Promise<boolean> {
  if (await tx.get('settings', OFFICE_SETTINGS_ID)) return false;
  const settings: OfficeSettings = { id: OFFICE_SETTINGS_ID, name: o.name, letterCc: [], updatedAt: o.now, updatedBy: o.actorId, version: 1 };
  tx.insert('settings', settings);
  tx.appendEvent({ id: newId(), at: o.now, actorId: o.actorId, action: 'setup.officeName', entity: 'settings', entityId: OFFICE_SETTINGS_ID, detail: { name: o.name } });
  return true;
}

export async function ensureFirstAdmin(store: Store, clock: Clock, name: string, officeName?: string): Promise<FirstAdmin> {
  const now = clock.now();
  return store.transaction(async (tx): Promise<FirstAdmin> => {
    const [admin] = await tx.find('users', { where: { roles: 'admin' }, limit: 1 });
    if (officeName) await nameOffice(tx, { name: officeName, actorId: SETUP_ACTOR, now });
    if (admin) return { status: 'exists' };
    const userId = newId();
    tx.insert('users', { id: userId, name, roles: ['admin'], createdAt: now, version: 1 });
    const { code, expiresAt } = await openBindCode(tx, { userId, issuedBy: SETUP_ACTOR, now });
    tx.appendEvent({ id: newId(), at: now, actorId: SETUP_ACTOR, action: 'setup.firstAdmin', entity: 'user', entityId: userId, to: 'admin', detail: { name } });
    return { status: 'created', userId, code, expiresAt };
  });
}
