// 导入交办清单: the coordinator picks the list (CSV or .xlsx, in the format of docs/architecture.md, Import format); the server
// checks every row first (a refusal lists every bad row with its reason and imports nothing), then
// writes the rows in steps: while rows remain the page calls again with the same file and shows the
// progress. A step cut short is completed by the next call (or a new import of the file), never doubled.
// A deputy or unit name the roster does not have is never registered on its own: the server answers with
// the names, the page asks for each (a near name of the roster, or a new deputy / unit), confirms, and
// imports with those decisions, sending them again with every step.
import { useState } from 'react';
import { View } from '@tarojs/components';
import type {
  ImportDeputyDecision,
  ImportFormat,
  ImportRenamedDeputy,
  ImportSuggestionsResult,
  ImportUnitDecision,
  ImportUnknownDeputy,
  ImportUnknownUnit,
} from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton } from '../../../components/fields';
import { Screen } from '../../../components/screen';
import { announce, confirmStep } from '../../../components/confirm';
import { pickFile, spreadsheetFormatOf, type PickedFile } from '../../../components/pick-spreadsheet';
import { decisionsInWords, decisionsOf, NEW, RenamedNames, UnknownNames, type NameChoices } from './unknown-names';
import { guarded } from '../../../components/page-guard';
import { uploadMessageOf } from '../../../api/upload';
import { TemplateDownload } from './template-download';
import { unitDecisionsInWords, unitDecisionsOf, UnknownUnits } from './unknown-units';

const HEADERS = '建议号、标题、内容、领衔代表、附议代表、代表团、届次、提出阶段、主办单位、会办单位、分办单位、交办日期、重点督办';

interface Question {
  file: PickedFile;
  format: ImportFormat;
  unknown: ImportUnknownDeputy[];
  units: ImportUnknownUnit[];
  pending: number;
}

export function ImportView({ pick = pickFile }: { pick?: () => Promise<PickedFile | null> }) {
  const action = useAction('suggestions.import');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSuggestionsResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; remaining: number } | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [choices, setChoices] = useState<NameChoices>({});
  const [unitChoices, setUnitChoices] = useState<NameChoices>({});
  const [renamed, setRenamed] = useState<ImportRenamedDeputy[]>([]);

  /** Calls until no row remains (or the server asks about names); the first answer counts what was there before. */
  const importAll = async (file: PickedFile, format: ImportFormat, decisions?: ImportDeputyDecision[], unitDecisions?: ImportUnitDecision[]): Promise<boolean> => {
    const total: ImportSuggestionsResult = { created: 0, unchanged: 0, numbers: [], remaining: 0 };
    for (let step = 0; ; step += 1) {
      const response = await action.run({ fileID: file.fileID, format, ...(decisions ? { decisions } : {}), ...(unitDecisions ? { unitDecisions } : {}) });
      if (!response.ok) {
        setProgress(null);
        return false;
      }
      const { created, unchanged, numbers, remaining, unknownDeputies = [], unknownUnits = [] } = response.data;
      if (step === 0) setRenamed(response.data.renamed ?? []);
      if (unknownDeputies.length > 0 || unknownUnits.length > 0) {
        setProgress(null);
        setChoices({});
        setUnitChoices({});
        setQuestion({ file, format, unknown: unknownDeputies, units: unknownUnits, pending: remaining });
        return false;
      }
      setQuestion(null);
      if (step === 0) total.unchanged = unchanged;
      total.created += created;
      total.numbers.push(...numbers);
      if (remaining === 0 || (created === 0 && step > 0)) {
        setProgress(null);
        setResult({ ...total, remaining });
        return true;
      }
      setProgress({ done: total.created, remaining });
    }
  };

  const choose = async () => {
    setProblem(null);
    setResult(null);
    setProgress(null);
    setQuestion(null);
    setRenamed([]);
    let file: PickedFile | null;
    try {
      file = await pick();
    } catch (error) {
      return setProblem(uploadMessageOf(error) ?? '未能读取文件，请重新选择');
    }
    if (!file) return;
    const format = spreadsheetFormatOf(file.name);
    if (!format) return setProblem('请选择 .xlsx 或 .csv 格式的交办清单');
    await importAll(file, format);
  };

  const importDecided = async () => {
    if (!question) return;
    setProblem(null);
    const open = [...question.units.filter((u) => !unitChoices[u.name]), ...question.unknown.filter((u) => !choices[u.name])].map((u) => `「${u.name}」`);
    const what = question.units.length === 0 ? '姓名' : question.unknown.length === 0 ? '单位' : '单位和姓名';
    if (open.length > 0) return setProblem(`请先为每个${what}作出选择：${open.join('、')}还没有选择`);
    const words = [unitDecisionsInWords(question.units, unitChoices), decisionsInWords(question.unknown, choices)].filter((w) => w !== '').join('；');
    const go = await confirmStep({
      title: '确认导入？',
      consequence: `将导入${question.pending}件建议并交办给承办单位。${words}。导入后不能撤回。`,
      confirmText: '确认导入',
    });
    if (!go) return;
    const decisions = question.unknown.length > 0 ? decisionsOf(question.unknown, choices) : undefined;
    const unitDecisions = question.units.length > 0 ? unitDecisionsOf(question.units, unitChoices) : undefined;
    // A refusal keeps the question and its choices on the page, with the server's message.
    if (await importAll(question.file, question.format, decisions, unitDecisions)) void announce('导入完成');
  };

  const lonely = question ? question.unknown.filter((u) => u.near.length === 0) : [];
  return (
    <Screen id="import-page">
      <View className="section-title">导入交办清单</View>
      <View className="notice">
        每行一件建议，表头为：{HEADERS}（可在表头上方留一行标题或说明）。提出阶段填“会期”或“闭会期间”，重点督办填“是”或“否”，交办日期如2026-03-01，多个代表或单位用“、”分隔；模板中有示例和每列的填写要求。有任何一行不符合要求时，整个文件都不导入，并列出每一行的问题；同一文件重复导入不会重复登记。表格中的代表姓名在名册中找不到时，会先请您确认是哪位代表。
      </View>
      {question ? null : <TemplateDownload />}
      {question ? null : <SubmitButton id="import-pick" text="选择文件并导入" pending={action.pending} onClick={() => void choose()} />}
      {renamed.length > 0 ? <RenamedNames renamed={renamed} /> : null}
      {question ? (
        <View id="import-question">
          <View className="sub-title">
            {[question.units.length > 0 ? `${question.units.length}个单位` : '', question.unknown.length > 0 ? `${question.unknown.length}个代表姓名` : ''].filter((w) => w).join('和')}
            在名册中找不到，请逐一确认后再导入（尚未导入任何建议）
          </View>
          {question.units.length > 0 ? (
            <UnknownUnits unknown={question.units} choices={unitChoices} onChoose={(name, value) => setUnitChoices((prev) => ({ ...prev, [name]: value }))} />
          ) : null}
          {/* A list naming many deputies not registered yet: those with no near name on the roster can all be
              marked 新建 with one tap (still shown one by one, and confirmed before anything is written). */}
          {lonely.length > 1 ? (
            <SubmitButton
              id="import-all-new"
              text={`没有相近姓名的${lonely.length}人，全部选“新建代表”`}
              kind="default"
              pending={false}
              onClick={() => setChoices((prev) => ({ ...prev, ...lonely.reduce<Record<string, string>>((all, u) => ({ ...all, [u.name]: NEW }), {}) }))}
            />
          ) : null}
          <UnknownNames unknown={question.unknown} choices={choices} onChoose={(name, value) => setChoices((prev) => ({ ...prev, [name]: value }))} />
          <FormError message={problem ?? action.error?.message} />
          <SubmitButton id="import-decided" text="按以上选择导入" pending={action.pending} onClick={() => void importDecided()} />
          <SubmitButton id="import-cancel" text="不导入，重新选择文件" kind="default" pending={false} onClick={() => { setQuestion(null); setRenamed([]); }} />
        </View>
      ) : null}
      {progress ? (
        <View className="notice" id="import-progress">
          正在导入：已导入{progress.done}件，还有{progress.remaining}件
        </View>
      ) : null}
      {question ? null : <FormError message={problem ?? action.error?.message} />}
      {result ? (
        <View className="notice" id="import-result">
          新导入{result.created}件，已导入过（未变）{result.unchanged}件
          {result.numbers.length > 0 ? `：${result.numbers.join('、')}号` : ''}
        </View>
      ) : null}
    </Screen>
  );
}

function ImportPage() {
  return <ImportView />;
}

export default guarded(ImportPage);
