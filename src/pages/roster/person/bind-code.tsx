// A bind code as a person receives it: large, in groups for reading aloud over the phone, and as a
// QR code to scan with the bind page's 扫码 button. The code itself is what the server issued.
import { Image, Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import type { BindCodeResult } from '../../../contract';
import { formatTime } from '../../../components/format';

/** Groups of four for reading aloud: "8406 1937"; a code that already has its own separators is kept. */
export function spokenGroups(code: string): string[] {
  if (/[\s-]/.test(code)) return code.split(/[\s-]+/).filter(Boolean);
  return code.match(/.{1,4}/g) ?? [code];
}

export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(6, 4);
}

export function BindCodeCard({ name, code }: { name: string; code: BindCodeResult }) {
  return (
    <View className="card bind-code" id="bind-code">
      <View className="sub-title">{name}的绑定码</View>
      <View className="bind-code-digits" id="bind-code-digits">
        {spokenGroups(code.code).map((group, i) => (
          <Text key={i} className="bind-code-group">
            {group}
          </Text>
        ))}
      </View>
      <View className="card-meta">
        有效期至<Text className="nowrap">{formatTime(code.expiresAt)}</Text>，只能使用一次。请当面或电话告知本人，也可请本人在“绑定身份”页扫描下面的二维码。
      </View>
      <Image className="bind-code-qr" id="bind-code-qr" src={qrDataUrl(code.code)} mode="aspectFit" />
    </View>
  );
}
