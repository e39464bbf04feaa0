// 导入交办清单: the coordinator picks the list (CSV or .xlsx, in the format of the README); the server
// checks every row first (a refusal lists every bad row with its reason and imports nothing), then
// writes the rows in steps: while rows remain the page calls again with the same file and shows the
// progress. A step cut short is completed by the next call (or a new import of the file), never doubled.
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ImportSuggestionsResult } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton } from '../../../components/fields';
import { Screen } from '../../../components/screen';
import { pickFile, spreadsheetFormatOf, type PickedFile } from '../../../components/pick-spreadsheet';

const HEADERS = '建议号、标题、内容、领衔代表、附议代表、代表团、届次、提出阶段、主办单位、会办单位、分办单位、交办日期、重点督办';


export function ImportView({ pick = pickFile }: { pick?: () => Promise<PickedFile | null> }) {
  const action = useAction('suggestions.import');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSuggestionsResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; remaining: number } | null>(null);
  const choose = async () => {
    setProblem(null);
    setResult(null);
    setProgress(null);
    let file: PickedFile | null;
    try {
      file = await pick();
    } catch {
      return setProblem('未能读取文件，请重新选择');
    }
    if (!file) return;
    const format = spreadsheetFormatOf(file.name);
    if (!format) return setProblem('请选择 .xlsx 或 .csv 格式的交办清单');
    const total: ImportSuggestionsResult = { created: 0, unchanged: 0, numbers: [], remaining: 0 };
    for (let step = 0; ; step += 1) {
      const response = await action.run({ file: file.base64, format });
      if (!response.ok) return setProgress(null);
      const { created, unchanged, numbers, remaining } = response.data;
      // The first answer counts the rows that were there before this import began.
      if (step === 0) total.unchanged = unchanged;
      total.created += created;
      total.numbers.push(...numbers);
      if (remaining === 0 || (created === 0 && step > 0)) {
        setProgress(null);
        return setResult({ ...total, remaining });
      }
      setProgress({ done: total.created, remaining });
    }
  };
  return (
    <Screen id="import-page">
      <View className="section-title">导入交办清单</View>
      <View className="notice">
        每行一件建议，第一行为表头：{HEADERS}。有任何一行不符合要求时，整个文件都不导入，并列出每一行的问题；同一文件重复导入不会重复登记。
      </View>
      <SubmitButton id="import-pick" text="选择文件并导入" pending={action.pending} onClick={() => void choose()} />
      {progress ? (
        <View className="notice" id="import-progress">
          正在导入：已导入{progress.done}件，还有{progress.remaining}件
        </View>
      ) : null}
      <FormError message={problem ?? action.error?.message} />
      {result ? (
        <View className="notice" id="import-result">
          新导入{result.created}件，已导入过（未变）{result.unchanged}件
          {result.numbers.length > 0 ? `：${result.numbers.join('、')}号` : ''}
        </View>
      ) : null}
    </Screen>
  );
}

export default function ImportPage() {
  return <ImportView />;
}
