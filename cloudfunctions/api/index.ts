// The api cloud function: every user action, routed by `action` (docs/architecture.md, Request flow).
// Thin by design: wiring only. The caller's identity comes from cloud.getWXContext().
import cloud from 'wx-server-sdk';
import { createApi } from '../../src/server/api';
import { openCloudBaseStore } from '../../src/server/adapters/cloudbase/cloudbase.store';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../src/server/adapters/files/cloudbase.files';
import { systemClock } from '../../src/server/ports';
import { createWeChatSender, reminderConfig, type WxOpenApi } from '../../src/server/reminders';
import { apiEntry } from '../../src/server/api/entry';

// DYNAMIC_CURRENT_ENV (a symbol) means "the environment this function is deployed in"; the types want a string.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const config = reminderConfig(process.env);
const handle = apiEntry(
  createApi({
    store: openCloudBaseStore(cloud),
    clock: systemClock,
    // Attachments and letters in the environment's cloud storage.
    files: openCloudBaseFileStore(cloud as unknown as CloudStorageApi),
    // tasks.urge (催办) sends at once through the same WeChat sender as the timer's sweep.
    notifier: createWeChatSender(cloud as unknown as WxOpenApi, config),
    reminderConfig: config,
  }),
);

export async function main(event: unknown): Promise<unknown> {
  return handle(event, cloud.getWXContext());
}
