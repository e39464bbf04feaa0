// The one-time creation of the first administrator, on a deployment started empty (DEMO_DATA=0):
// the server allows it only while there is no administrator, and only once. It also asks the
// deployment's own name, which the annual summary carries (docs/papers.md).
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { announce } from '../../../components/confirm';
import { Screen } from '../../../components/screen';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../hooks/use-query';
import { routes } from '../../routes';
import { guarded } from '../../../components/page-guard';

/** Opened where an administrator already exists (an old link, a second tap): say so instead of a form. */
function AlreadySetUp({ onDone }: { onDone: () => void }) {
  return (
    <>
      <View className="notice" id="setup-closed">
        本系统已有管理员，第一个管理员只能创建一次。如需管理员身份，请联系现有管理员在名册中为您设置。
      </View>
      <SubmitButton id="setup-home" kind="default" text="返回首页" pending={false} onClick={onDone} />
    </>
  );
}

export function SetupView({ onDone }: { onDone: () => void }) {
  const me = useQuery('me', {});
  return (
    <Screen id="setup-page">
      <View className="section-title">创建第一个管理员</View>
      <QueryView query={me}>{({ firstAdminOpen }) => (firstAdminOpen ? <SetupForm onDone={onDone} /> : <AlreadySetUp onDone={onDone} />)}</QueryView>
    </Screen>
  );
}

function SetupForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [officeName, setOfficeName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('users.firstAdmin');
  const submit = async () => {
    if (name.trim() === '') return setProblem('请填写您的姓名');
    if (officeName.trim() === '') return setProblem('请填写本机关名称');
    setProblem(null);
    const response = await action.run({ name: name.trim(), officeName: officeName.trim() });
    if (response.ok) {
      await announce('已创建管理员');
      onDone();
    }
  };
  return (
    <>
      <View className="notice">
        系统中还没有管理员。您将成为管理员，本微信绑定为管理员身份；此后由管理员登记单位和人员、发放绑定码。此操作只能进行一次。
      </View>
      <TextField id="setup-name" label="您的姓名" value={name} onChange={setName} />
      <TextField id="setup-office" label="本机关名称（年度报告以此署名，如：市人民政府办公室）" value={officeName} onChange={setOfficeName} />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="setup-submit" text="成为管理员" pending={action.pending} onClick={() => void submit()} />
    </>
  );
}

function SetupPage() {
  return <SetupView onDone={() => void Taro.reLaunch({ url: routes.home })} />;
}

export default guarded(SetupPage);
