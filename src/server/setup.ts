// The first administrator of a new deployment: with nobody registered, nobody could issue a bind code.
// The setup step (cloudfunctions/setup, run once from the console) registers one administrator and
// returns a one-time bind code; the administrator enters it in the mini-program (users.bind).
import { randomInt } from 'node:crypto';
import type { Clock, Store } from './ports';
import { newId } from './ports/ids';

const VALID_DAYS = 7;
export const SETUP_ACTOR = 'setup';

export type FirstAdmin = { status: 'created'; userId: string; code: string; expiresAt: string } | { status: 'exists' };

export async function ensureFirstAdmin(store: Store, clock: Clock, name: string): Promise<FirstAdmin> {
  const [admin] = await store.find('users', { where: { roles: 'admin' }, limit: 1 });
  if (admin) return { status: 'exists' };
  const now = clock.now();
  return store.transaction(async (tx) => {
    const userId = newId();
    let code = '';
    do code = String(randomInt(10_000_000, 100_000_000));
    while (await tx.get('bindCodes', code));
    const expiresAt = new Date(Date.parse(now) + VALID_DAYS * 86_400_000).toISOString();
    tx.insert('users', { id: userId, name, roles: ['admin'], createdAt: now, version: 1 });
    tx.insert('bindCodes', { id: code, userId, issuedBy: SETUP_ACTOR, issuedAt: now, expiresAt });
    tx.appendEvent({ id: newId(), at: now, actorId: SETUP_ACTOR, action: 'setup.firstAdmin', entity: 'user', entityId: userId, to: 'admin', detail: { name } });
    return { status: 'created' as const, userId, code, expiresAt };
  });
}
