// 导入代表名单: the delegation's spreadsheet (姓名、代表团、手机号; .xlsx or CSV), all or nothing; a refusal
// lists every bad row with its reason.
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ImportUsersResult } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton } from '../../../components/fields';
import { Screen } from '../../../components/screen';
import { pickFile, spreadsheetFormatOf, type PickedFile } from '../../../components/pick-spreadsheet';


export function DeputyImportView({ pick = pickFile }: { pick?: () => Promise<PickedFile | null> }) {
  const action = useAction('users.import');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportUsersResult | null>(null);
  const choose = async () => {
    setProblem(null);
    setResult(null);
    let file: PickedFile | null;
    try {
      file = await pick();
    } catch {
      return setProblem('未能读取文件，请重新选择');
    }
    if (!file) return;
    const format = spreadsheetFormatOf(file.name);
    if (!format) return setProblem('请选择 .xlsx 或 .csv 格式的代表名单');
    const response = await action.run({ file: file.base64, format });
    if (response.ok) setResult(response.data);
  };
  return (
    <Screen id="deputy-import-page">
      <View className="section-title">导入代表名单</View>
      <View className="notice">
        每行一位代表，第一行为表头：姓名、代表团、手机号（手机号可不填）。有任何一行不符合要求时整个文件都不导入，并列出每一行的问题；已登记的代表（姓名和代表团相同）不会重复登记。
      </View>
      <SubmitButton id="deputy-import-pick" text="选择文件并导入" pending={action.pending} onClick={() => void choose()} />
      <FormError message={problem ?? action.error?.message} />
      {result ? (
        <View className="notice" id="deputy-import-result">
          新登记代表{result.created}人，已登记过（未变）{result.unchanged}人{result.names.length > 0 ? `：${result.names.join('、')}` : ''}
        </View>
      ) : null}
    </Screen>
  );
}

export default function DeputyImportPage() {
  return <DeputyImportView />;
}
