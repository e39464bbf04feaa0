// What was written down on a suggestion: replies, co-handlers' opinions, contact records,
// the deputies' ratings and the B/C promises with their progress.
import { Button, Text, View } from '@tarojs/components';
import type { AttachmentView, CommitmentView, ContactView, FeedbackView, OpinionView, ReplyView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { AttachmentList } from '../../../components/attachment-list';
import { openFile } from '../../../components/open-file';
import { FormError } from '../../../components/fields';
import { formatDate, formatTime } from '../../../components/format';
import { announce, confirmStep } from '../../../components/confirm';
import { Phrases } from '../../../components/phrases';

/** 答复函: the letter made on signature, opened through a link made for the caller. */
function LetterButton({ taskId }: { taskId: string }) {
  const letter = useAction('letters.get');
  const show = async () => {
    const response = await letter.run({ taskId });
    if (response.ok) await openFile(response.data.url, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  };
  return (
    <View>
      <Button className="btn btn-default letter-btn" disabled={letter.pending || undefined} onClick={() => void show()}>
        {letter.pending ? '正在打开…' : '查看答复函（Word）'}
      </Button>
      <FormError message={letter.error?.message} />
    </View>
  );
}

export interface FilesOf {
  items: (target: 'suggestion' | 'contact' | 'reply', targetId: string) => AttachmentView[];
  canAdd: (target: 'suggestion' | 'contact' | 'reply', taskId?: string) => boolean;
  onChanged: () => void;
}

export function Replies({ replies, files }: { replies: ReplyView[]; files?: FilesOf }) {
  if (replies.length === 0) return null;
  return (
    <View className="section" id="replies">
      <View className="section-title">答复</View>
      {replies.map((reply) => (
        <View className="card reply-item" key={reply.id}>
          <View className="card-head">
            <Text className="card-title">
              {reply.unitName} · 第{reply.round}轮
            </Text>
            <Phrases className="tag reply-class" text={reply.classLabel} />
          </View>
          <View className="card-text">{reply.text}</View>
          <View className="card-meta">
            分管领导：{reply.leaderContact.name} {reply.leaderContact.phone}
          </View>
          <View className="card-meta">
            承办人：{reply.handlerContact.name} {reply.handlerContact.phone}
          </View>
          <View className="card-meta">
            {reply.signed ? `已签发${reply.signerName ? `（${reply.signerName}）` : ''}${reply.signedAt ? ` ${formatTime(reply.signedAt)}` : ''}` : '草稿（未签发）'}
          </View>
          {(reply.reviews ?? []).map((review, i) => (
            <View className="card-meta" key={i}>
              审核：{review.byName} {review.decision === 'approve' ? '通过' : '退回修改'}
              {review.comment ? `，意见：${review.comment}` : ''}
            </View>
          ))}
          {reply.letter ? <View className="card-meta">答复函：{reply.letter.number}</View> : null}
          {reply.signed ? <LetterButton taskId={reply.taskId} /> : null}
          {files ? (
            <AttachmentList
              id={`reply-files-${reply.id}`}
              target="reply"
              targetId={reply.id}
              items={files.items('reply', reply.id)}
              canAdd={!reply.signed && files.canAdd('reply', reply.taskId)}
              onChanged={files.onChanged}
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}

export function Opinions({ opinions }: { opinions: OpinionView[] }) {
  if (opinions.length === 0) return null;
  return (
    <View className="section" id="opinions">
      <View className="section-title">会办意见</View>
      {opinions.map((o) => (
        <View className="card" key={o.id}>
          <View className="card-title">{o.unitName}</View>
          <View className="card-text">{o.text}</View>
          <View className="card-meta">
            联系人：{o.contact.name} {o.contact.phone} · {formatTime(o.createdAt)}
          </View>
        </View>
      ))}
    </View>
  );
}

function ContactItem({ contact, canConfirm, onChanged, files }: { contact: ContactView; canConfirm: boolean; onChanged: () => void; files?: FilesOf }) {
  const confirm = useAction('contacts.confirm');
  return (
    <View className="card contact-item">
      <View className="card-head">
        <Text className="card-title">
          {contact.modeLabel}
          {contact.faceToFace ? '（面复）' : ''}
        </Text>
        <Text className="tag">{contact.deputyConfirmedAt ? '代表已确认' : '代表未确认'}</Text>
      </View>
      <View className="card-meta">时间：{formatTime(contact.at)}</View>
      {contact.place ? <View className="card-meta">地点：{contact.place}</View> : null}
      <View className="card-meta">参加人员：{contact.people}</View>
      <View className="card-text">{contact.notes}</View>
      {canConfirm && !contact.deputyConfirmedAt ? (
        <Button
          className="btn btn-primary confirm-contact-btn"
          disabled={confirm.pending || undefined}
          onClick={() =>
            void confirmStep({
              title: '确认这次面复记录属实？',
              consequence: '确认后表示您认可记录中的时间、方式、参加人员和内容属实，确认后不能撤销。',
              confirmText: '确认属实',
            }).then(async (go) => {
              if (!go) return;
              const r = await confirm.run({ contactId: contact.id });
              if (r.ok) {
                await announce('已确认');
                onChanged();
              }
            })
          }
        >
          确认此记录属实
        </Button>
      ) : null}
      <FormError message={confirm.error?.message} />
      {files ? (
        <AttachmentList
          id={`contact-files-${contact.id}`}
          target="contact"
          targetId={contact.id}
          items={files.items('contact', contact.id)}
          canAdd={!contact.deputyConfirmedAt && files.canAdd('contact', contact.taskId)}
          onChanged={files.onChanged}
        />
      ) : null}
    </View>
  );
}

export function Contacts(props: { contacts: ContactView[]; confirmable: (c: ContactView) => boolean; onChanged: () => void; files?: FilesOf }) {
  const { contacts, confirmable, onChanged, files } = props;
  if (contacts.length === 0) return null;
  return (
    <View className="section" id="contacts">
      <View className="section-title">面复与沟通记录</View>
      {contacts.map((c) => (
        <ContactItem key={c.id} contact={c} canConfirm={confirmable(c)} onChanged={onChanged} files={files} />
      ))}
    </View>
  );
}

export function Feedbacks({ feedback }: { feedback: FeedbackView[] }) {
  if (feedback.length === 0) return null;
  return (
    <View className="section" id="feedback">
      <View className="section-title">代表评价</View>
      {feedback.map((f) => (
        <View className="card feedback-item" key={f.id}>
          <View className="card-title">
            {f.deputyName} · 第{f.round}轮
          </View>
          <View className="card-meta">
            办理态度：{f.attitudeLabel}；办理结果：{f.resultLabel}
          </View>
          {f.reasons ? <View className="card-text">理由：{f.reasons}</View> : null}
          <View className="card-meta">{formatTime(f.at)}</View>
        </View>
      ))}
    </View>
  );
}

export function Commitments(props: { commitments: CommitmentView[]; canProgress: (c: CommitmentView) => boolean; onProgress: (c: CommitmentView) => void }) {
  const { commitments, canProgress, onProgress } = props;
  if (commitments.length === 0) return null;
  return (
    <View className="section" id="commitments">
      <View className="section-title">承诺落实（回头看）</View>
      {commitments.map((c) => (
        <View className="card commitment-item" key={c.id}>
          <View className="card-head">
            <Text className="card-title">{c.promise}</Text>
            <Text className="tag">{c.doneAt ? '已落实' : '落实中'}</Text>
          </View>
          <View className="card-meta">计划完成：{c.targetDate}</View>
          {c.progress.map((p, i) => (
            <View className="card-meta" key={i}>
              {formatDate(p.at)} {p.byName}：{p.text}
            </View>
          ))}
          {c.finalAnswer ? <View className="card-text">落实情况：{c.finalAnswer}</View> : null}
          {canProgress(c) && !c.doneAt ? (
            <Button className="btn btn-default progress-btn" onClick={() => onProgress(c)}>
              填报落实进展
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
