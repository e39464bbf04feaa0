// The files kept with one record (a suggestion, a contact record, a reply): each with its name, size
// and who added it, a 查看 button that opens it, 删除 while the record allows it, and 添加 for those
// who may add. The server decides every permission; this only offers what it says.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_LABEL, type AttachmentTarget, type AttachmentView } from '../contract';
import { useAction } from '../hooks/use-action';
import { FormError } from './fields';
import { formatTime } from './format';
import { openFile } from './open-file';
import { pickAttachment } from './attachment-files';
import { uploadMessageOf } from '../api/upload';

export function AttachmentList(props: {
  id: string;
  target: AttachmentTarget;
  targetId: string;
  items: AttachmentView[];
  canAdd: boolean;
  onChanged: () => void;
  /** Told of a file just added or removed (a page that keeps its own list). */
  onAdded?: (view: AttachmentView) => void;
  onRemoved?: (id: string) => void;
}) {
  const { id, target, targetId, items, canAdd, onChanged, onAdded, onRemoved } = props;
  const add = useAction('attachments.add');
  const remove = useAction('attachments.remove');
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (kind: 'photo' | 'file') => {
    setProblem(null);
    let picked;
    try {
      picked = await pickAttachment(kind, { maxBytes: ATTACHMENT_MAX_BYTES, message: `文件太大：${ATTACHMENT_TYPES_LABEL}` });
    } catch (error) {
      const message = uploadMessageOf(error);
      if (message) setProblem(message);
      return; // otherwise cancelled
    }
    if (!picked) return;
    const response = await add.run({ target, targetId, fileName: picked.name, fileID: picked.fileID });
    if (response.ok) {
      onAdded?.(response.data);
      onChanged();
    }
  };

  if (items.length === 0 && !canAdd) return null;
  return (
    <View className="attachments" id={id}>
      <View className="card-meta">附件{items.length > 0 ? `（${items.length}）` : ''}</View>
      {items.map((a) => (
        <View className="attachment-item" key={a.id} id={`attachment-${a.id}`}>
          <Text className="attachment-name">
            {a.kindLabel}：{a.fileName}（{a.sizeLabel}，{a.createdByName} {formatTime(a.createdAt)}）
          </Text>
          <Button className="btn btn-default btn-small attachment-open" onClick={() => void openFile(a.url, a.contentType)}>
            查看
          </Button>
          {a.removable ? (
            <Button
              className="btn btn-default btn-small attachment-remove"
              disabled={remove.pending || undefined}
              onClick={() =>
                void remove.run({ id: a.id, version: a.version }).then((r) => {
                  if (!r.ok) return;
                  onRemoved?.(a.id);
                  onChanged();
                })
              }
            >
              删除
            </Button>
          ) : null}
        </View>
      ))}
      {canAdd ? (
        <View className="attachment-add">
          <Button className="btn btn-default attachment-add-photo" disabled={add.pending || undefined} onClick={() => void choose('photo')}>
            {add.pending ? '正在上传…' : '添加照片'}
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className="btn btn-default attachment-add-file" disabled={add.pending || undefined} onClick={() => void choose('file')}>
              添加 PDF 扫描件
            </Button>
          ) : null}
          <View className="field-hint">{ATTACHMENT_TYPES_LABEL}</View>
        </View>
      ) : null}
      <FormError message={problem ?? add.error?.message ?? remove.error?.message} />
    </View>
  );
}
