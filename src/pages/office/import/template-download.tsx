// 下载模板: the 交办清单 template the server writes (suggestions.importTemplate) — Excel or CSV, with the
// columns, the allowed values and an example row of this deployment's units and deputies, answered as a
// link. In the browser a download under its Chinese name; in WeChat downloaded into the user folder, then sent to a chat or opened
// (发送到聊天, a tap, as the ledger's export does).
import { Button, View } from '@tarojs/components';
import type { ImportFormat } from '../../../contract';
import { call } from '../../../api/client';
import { useFileLink } from '../../../components/file-link';

export function TemplateDownload() {
  const { pending, error, kept, run, send } = useFileLink((format: ImportFormat) => call('suggestions.importTemplate', { format }));
  return (
    <View className="section" id="import-template">
      <View className="sub-title">第一次导入，请先下载模板填写</View>
      <View className="nav-row">
        <Button className="btn btn-default" id="import-template-xlsx" onClick={() => void run('xlsx')}>
          {pending === 'xlsx' ? '正在生成…' : '下载模板（Excel）'}
        </Button>
        <Button className="btn btn-default" id="import-template-csv" onClick={() => void run('csv')}>
          {pending === 'csv' ? '正在生成…' : '下载模板（CSV）'}
        </Button>
      </View>
      {error ? <View className="form-error">{error.message}</View> : null}
      {kept ? (
        <View className="notice" id="import-template-result">
          {kept.kind === 'downloaded' ? `已下载：${kept.filename}` : `已生成：${kept.filename}`}
          {kept.kind === 'written' ? (
            <Button className="btn btn-primary" id="import-template-send" onClick={() => void send(kept)}>
              发送到聊天或打开
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
