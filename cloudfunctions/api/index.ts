// The api cloud function: every user action, routed by `action` (DESIGN.md §7).
// Thin by design: wiring only. The caller's identity comes from cloud.getWXContext().
import cloud from 'wx-server-sdk';
import { createApi } from '../../src/server/api';
import { openCloudBaseStore } from '../../src/server/adapters/cloudbase/cloudbase.store';
import { systemClock } from '../../src/server/ports';
import { apiEntry } from './entry';

// DYNAMIC_CURRENT_ENV (a symbol) means "the environment this function is deployed in"; the types want a string.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const handle = apiEntry(createApi({ store: openCloudBaseStore(cloud), clock: systemClock }));

export async function main(event: unknown): Promise<unknown> {
  return handle(event, cloud.getWXContext());
}
