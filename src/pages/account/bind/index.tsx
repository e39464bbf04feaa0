// A deputy binds his or her WeChat to the roster once, with the code the office issued.
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { Screen } from '../../../components/screen';
import { routes } from '../../routes';
import { guarded } from '../../../components/page-guard';

export function BindView({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [boundName, setBoundName] = useState<string | null>(null);
  const action = useAction('users.bind');
  // The QR code the office shows holds the code itself.
  const scan = async () => {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(scanned.result);
    } catch {
      // cancelled: nothing to do
    }
  };
  const submit = async () => {
    if (code.trim() === '') return setProblem('请输入绑定码');
    setProblem(null);
    const response = await action.run({ code: code.trim() });
    if (response.ok) {
      setBoundName(response.data.user?.name ?? '');
      onDone();
    }
  };
  return (
    <Screen id="bind-page">
      <View className="section-title">绑定身份</View>
      <View className="notice">
        请输入发给您的绑定码（代表的由建议办理联络员发放，办理人员的由系统管理员发放）。绑定码由10位字母和数字组成，只能使用一次，过期后请向发放人重新索取。
      </View>
      <TextField
        id="bind-code"
        label="绑定码"
        value={code}
        onChange={setCode}
        placeholder="例如 K7PM-3XQ9-TR"
        hint="字母大小写均可，短横线和空格可以不输入"
      />
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className="btn btn-default" id="bind-scan" onClick={() => void scan()}>
          扫描绑定码二维码
        </Button>
      ) : null}
      <FormError message={problem ?? action.error?.message} />
      {boundName !== null ? (
        <View className="notice" id="bind-result">
          绑定成功{boundName ? `：${boundName}` : ''}
        </View>
      ) : null}
      <SubmitButton id="bind-btn" text="绑定" pending={action.pending} onClick={() => void submit()} />
    </Screen>
  );
}

function BindPage() {
  return <BindView onDone={() => void Taro.reLaunch({ url: routes.home })} />;
}

export default guarded(BindPage);
