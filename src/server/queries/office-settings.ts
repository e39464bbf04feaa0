// The deployment's own settings (docs/papers.md): its name, asked once at setup, the 主送 of its
// annual summary and what every reply letter carries (抄送, addressees, 公开属性 before a decision).
import type { OfficeSettings } from '../../core/model';
import type { Reader } from '../ports';

export const OFFICE_SETTINGS_ID = 'office';

/** The name a deployment not yet named at setup reports under. */
export const UNNAMED_OFFICE = '本机关';

export async function officeSettings(reader: Reader): Promise<OfficeSettings | undefined> {
  return reader.get('settings', OFFICE_SETTINGS_ID);
}

export async function officeName(reader: Reader): Promise<string> {
  return (await officeSettings(reader))?.name.trim() || UNNAMED_OFFICE;
}
