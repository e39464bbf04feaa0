// The dev login page: pick a demo user of each role. Local mode only; the cloud has WeChat login.
export interface DemoLogin {
  openid: string;
  name: string;
  roleLabel: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderDevLogin(users: DemoLogin[]): string {
  const buttons = users
    .map(
      (u) => `<form method="post" action="/dev/login">
  <input type="hidden" name="openid" value="${escape(u.openid)}">
  <button type="submit" id="login-${escape(u.openid)}"><strong>${escape(u.name)}</strong><span>${escape(u.roleLabel)}</span></button>
</form>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>建议通 · 本地演示登录</title>
<style>
  body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 18px; margin: 0; padding: 24px 16px; background: #f5f5f5; color: #1a1a1a; }
  h1 { font-size: 24px; margin: 0 0 8px; }
  p { color: #444; margin: 0 0 20px; line-height: 1.6; }
  form { margin: 0 0 12px; }
  button { width: 100%; min-height: 56px; display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; font-size: 18px; border: 1px solid #bbb; border-radius: 8px; background: #fff; color: #1a1a1a; cursor: pointer; }
  button span { color: #333; }
  button:focus { outline: 3px solid #07c160; }
</style></head>
<body>
<h1>建议通 · 本地演示</h1>
<p>请选择一位演示用户登录。正式环境中身份来自微信，不需要选择。</p>
${buttons}
</body></html>`;
}
