// 导入代表名单: the delegation's spreadsheet (姓名、代表团、手机号; .xlsx or CSV), all or nothing; a refusal
// lists every bad row with its reason. A new deputy whose name is near a registered one's (a typo would
// make a second person of one) is shown with the near names before anything is written: the file is
// corrected, or the new deputies are confirmed as different people.
import { Fragment, useState } from 'react';
import { View } from '@tarojs/components';
import type { ImportUsersNearName, ImportUsersResult } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton } from '../../../components/fields';
import { Screen } from '../../../components/screen';
import { announce, confirmStep } from '../../../components/confirm';
import { Phrases } from '../../../components/phrases';
import { pickFile, spreadsheetFormatOf, type PickedFile } from '../../../components/pick-spreadsheet';
import { guarded } from '../../../components/page-guard';
import { uploadMessageOf } from '../../../api/upload';


export function DeputyImportView({ pick = pickFile }: { pick?: () => Promise<PickedFile | null> }) {
  const action = useAction('users.import');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportUsersResult | null>(null);
  const [near, setNear] = useState<{ file: PickedFile; format: 'csv' | 'xlsx'; names: ImportUsersNearName[] } | null>(null);
  const choose = async () => {
    setProblem(null);
    setResult(null);
    setNear(null);
    let file: PickedFile | null;
    try {
      file = await pick();
    } catch (error) {
      return setProblem(uploadMessageOf(error) ?? '未能读取文件，请重新选择');
    }
    if (!file) return;
    const format = spreadsheetFormatOf(file.name);
    if (!format) return setProblem('请选择 .xlsx 或 .csv 格式的代表名单');
    const response = await action.run({ fileID: file.fileID, format });
    if (!response.ok) return;
    if (response.data.nearNames) setNear({ file, format, names: response.data.nearNames });
    else setResult(response.data);
  };
  const confirmNew = async () => {
    if (!near) return;
    const go = await confirmStep({
      title: '确认都是新代表？',
      consequence: `将把${near.names.map((n) => `「${n.name}」`).join('、')}登记为新的代表，与名册中相近的代表是不同的人。如是笔误，请取消并改正表格。`,
      confirmText: '确认导入',
    });
    if (!go) return;
    const response = await action.run({ fileID: near.file.fileID, format: near.format, confirmNear: true });
    if (!response.ok) return;
    setNear(null);
    setResult(response.data);
    void announce('导入完成');
  };
  return (
    <Screen id="deputy-import-page">
      <View className="section-title">导入代表名单</View>
      <View className="notice">
        每行一位代表，第一行为表头：姓名、代表团、手机号（手机号可不填）。有任何一行不符合要求时整个文件都不导入，并列出每一行的问题；已登记的代表（姓名和代表团相同）不会重复登记。
      </View>
      <SubmitButton id="deputy-import-pick" text="选择文件并导入" pending={action.pending} onClick={() => void choose()} />
      {near ? (
        <View id="deputy-import-near">
          <View className="sub-title">以下新代表的姓名与名册中已有的代表相近，可能是笔误（尚未导入任何人）</View>
          {near.names.map((n) => (
            <View key={n.line} className="card" id={`deputy-near-${n.line}`}>
              <View className="card-title">
                第{n.line}行「{n.name}」（{n.delegation}）
              </View>
              <View className="card-meta">
                名册中相近的代表：
                {n.near.map((d, k) => (
                  <Fragment key={d.userId}>
                    {k > 0 ? '、\u200b' : null}
                    <Phrases text={`${d.name}（${d.delegation ?? '未填代表团'}）`} />
                  </Fragment>
                ))}
              </View>
            </View>
          ))}
          <View className="notice">如是笔误，请改正表格后重新选择文件；如确是不同的代表，请点“仍然全部导入”。</View>
          <SubmitButton id="deputy-import-confirm" text="仍然全部导入" kind="default" pending={action.pending} onClick={() => void confirmNew()} />
        </View>
      ) : null}
      <FormError message={problem ?? action.error?.message} />
      {result ? (
        <View className="notice" id="deputy-import-result">
          新登记代表{result.created}人，已登记过（未变）{result.unchanged}人{result.names.length > 0 ? `：${result.names.join('、')}` : ''}
        </View>
      ) : null}
    </Screen>
  );
}

function DeputyImportPage() {
  return <DeputyImportView />;
}

export default guarded(DeputyImportPage);
