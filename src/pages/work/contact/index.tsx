// Records a 面复 or other contact with the deputy: when (date and time, not before the 交办 time shown
// above them, HH:mm in Beijing), how, where, who and what was said.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AttachmentView, ServerClock, TaskView } from '../../../contract';
import { Button } from '@tarojs/components';
import { AttachmentList } from '../../../components/attachment-list';
import type { ContactMode } from '../../../core/model';
import { CONTACT_MODE_HINTS, CONTACT_MODE_LABELS } from '../../../core/labels';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { QueryView } from '../../../components/query-view';
import { ChoiceField, FormError, SubmitButton, TextField, type Choice } from '../../../components/fields';
import { beijingToIso, formatTime } from '../../../components/format';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';

// Face-to-face modes first; each says whether it counts as 面复 (the server decides the same from the mode).
const ORDER: ContactMode[] = ['meeting', 'forum', 'visit', 'phone', 'video'];
const MODES: Choice<ContactMode>[] = ORDER.map((value) => ({
  value,
  label: `${CONTACT_MODE_LABELS[value]}（${CONTACT_MODE_HINTS[value]}）`,
}));

/** The form starts at the server's date and time in Beijing (me.clock), not the phone's. */
function ContactForm({ task, onDone, clock: server }: { task: TaskView; onDone: () => void; clock: ServerClock }) {
  const [date, setDate] = useState(server.today);
  const [clock, setClock] = useState(server.time);
  // No default: the person says how the talk took place, so that nothing is a 面复 by accident.
  const [mode, setMode] = useState<ContactMode | null>(null);
  const [place, setPlace] = useState('');
  const [people, setPeople] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [files, setFiles] = useState<AttachmentView[]>([]);
  const action = useAction('tasks.logContact');

  const submit = async () => {
    if (mode === null) return setProblem('请先选择沟通方式');
    const at = beijingToIso(date, clock);
    if (at === null) return setProblem('请按“年-月-日”和“时:分”填写时间，例如 2026-05-20 和 09:30');
    if (people.trim() === '') return setProblem('请填写参加人员');
    if (notes.trim() === '') return setProblem('请填写沟通的主要内容');
    setProblem(null);
    const response = await action.run({
      taskId: task.id,
      at,
      mode,
      place: place.trim() || undefined,
      people: people.trim(),
      notes: notes.trim(),
    });
    if (response.ok) setSaved(response.data.id);
  };

  // Saved: the photos of the talk and the scan of the record the deputy signed go with it.
  if (saved) {
    return (
      <View id="contact-saved">
        <View className="state">记录已保存。可以添加现场照片或代表签字的面复记录扫描件。</View>
        <AttachmentList
          id="contact-files"
          target="contact"
          targetId={saved}
          items={files}
          canAdd
          onChanged={() => undefined}
          onAdded={(view) => setFiles((list) => [...list, view])}
          onRemoved={(id) => setFiles((list) => list.filter((f) => f.id !== id))}
        />
        <Button className="btn btn-primary" id="contact-done" onClick={onDone}>
          完成
        </Button>
      </View>
    );
  }

  return (
    <View>
      <ChoiceField id="contact-mode" label="沟通方式（先选择；只有当面沟通计为面复）" choices={MODES} value={mode} onChange={setMode} />
      {/* The rule uses the hour: on the day of 交办 a talk before its hour is refused, so the hour is shown. */}
      <View className="card-meta" id="contact-assigned">
        交办时间：{formatTime(task.assignedAt)}（沟通时间不能早于交办时间）
      </View>
      <TextField id="contact-date" label="日期（年-月-日）" value={date} onChange={setDate} />
      <TextField id="contact-time" label="时间（时:分）" value={clock} onChange={setClock} />
      <TextField id="contact-place" label="地点（可不填）" value={place} onChange={setPlace} />
      <TextField id="contact-people" label="参加人员" value={people} onChange={setPeople} placeholder="例如：王代表；张处长、李科员" />
      <TextField id="contact-notes" label="主要内容" value={notes} onChange={setNotes} multiline />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="contact-submit" text="保存记录" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function ContactView(props: { suggestionId: string; taskId: string; onDone: () => void }) {
  const { suggestionId, taskId, onDone } = props;
  const me = useQuery('me', {});
  return (
    <TaskFormFrame id="contact-page" suggestionId={suggestionId} taskId={taskId} title="记录面复/沟通" actions={['tasks.logContact']}>
      {(_detail, task) => <QueryView query={me}>{({ clock }) => <ContactForm task={task} onDone={onDone} clock={clock} />}</QueryView>}
    </TaskFormFrame>
  );
}

function ContactPage() {
  const { params } = useRouter();
  return <ContactView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} onDone={finish} />;
}

export default guarded(ContactPage);
