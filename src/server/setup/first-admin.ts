// The first administrator of a new deployment: with nobody registered, nobody could issue a bind code.
// The setup step (cloudfunctions/setup, run once from the console) registers one administrator and
// returns a one-time bind code; the administrator enters it in the mini-program (users.bind).
import { openBindCode } from '../access/bind-codes';
import type { Clock, Store } from '../ports';
import { newId } from '../ports/ids';

export const SETUP_ACTOR = 'setup';

export type FirstAdmin = { status: 'created'; userId: string; code: string; expiresAt: string } | { status: 'exists' };

export async function ensureFirstAdmin(store: Store, clock: Clock, name: string): Promise<FirstAdmin> {
  const now = clock.now();
  return store.transaction(async (tx): Promise<FirstAdmin> => {
    const [admin] = await tx.find('users', { where: { roles: 'admin' }, limit: 1 });
    if (admin) return { status: 'exists' };
    const userId = newId();
    tx.insert('users', { id: userId, name, roles: ['admin'], createdAt: now, version: 1 });
    const { code, expiresAt } = await openBindCode(tx, { userId, issuedBy: SETUP_ACTOR, now });
    tx.appendEvent({ id: newId(), at: now, actorId: SETUP_ACTOR, action: 'setup.firstAdmin', entity: 'user', entityId: userId, to: 'admin', detail: { name } });
    return { status: 'created', userId, code, expiresAt };
  });
}
