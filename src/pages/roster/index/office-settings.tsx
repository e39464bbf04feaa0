// 本机关: the deployment's own name (it signs the office-wide annual summary), the summary's 主送
// and the 抄送 every reply letter carries (docs/papers.md). Saved with the version read, so that two
// people changing them at once do not overwrite each other unseen.
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { OfficeSettingsView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';

const list = (text: string) =>
  text
    .split(/[、，,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function SettingsForm({ settings, saved, onSaved }: { settings: OfficeSettingsView; saved: boolean; onSaved: () => void }) {
  const [name, setName] = useState(settings.name);
  const [reportTo, setReportTo] = useState(settings.reportTo ?? '');
  const [cc, setCc] = useState(settings.letterCc.join('、'));
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('office.update');
  const submit = async () => {
    if (name.trim() === '') return setProblem('请填写本机关名称');
    setProblem(null);
    const response = await action.run({ name: name.trim(), ...(reportTo.trim() ? { reportTo: reportTo.trim() } : {}), letterCc: list(cc), version: settings.version });
    if (response.ok) onSaved();
  };
  return (
    <View className="card" id="office-settings">
      <View className="sub-title">本机关</View>
      <TextField id="office-name" label="本机关名称（年度报告以此署名）" value={name} onChange={setName} placeholder="例如：市人民政府办公室" />
      <TextField id="office-report-to" label="年度报告主送机关" value={reportTo} onChange={setReportTo} placeholder="例如：市人大常委会（不填则为市人大常委会）" />
      <TextField id="office-cc" label="答复函抄送机关（用顿号分隔，可不填）" value={cc} onChange={setCc} placeholder="例如：市人大常委会代表工作机构、市政府办公室" />
      <FormError message={problem ?? action.error?.message} />
      {saved ? (
        <View className="notice" id="office-saved">
          已保存本机关设置
        </View>
      ) : null}
      <SubmitButton id="office-submit" text="保存" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function OfficeSettings() {
  // Each save reloads the settings; the form starts again from the version saved, and says so.
  const [saves, setSaves] = useState(0);
  const query = useQuery('office.settings', {}, saves);
  return <QueryView query={query}>{(settings) => <SettingsForm key={settings.version} settings={settings} saved={saves > 0} onSaved={() => setSaves((n) => n + 1)} />}</QueryView>;
}
