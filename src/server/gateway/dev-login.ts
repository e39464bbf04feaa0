// The dev login page: pick a demo user of each role. Local mode only; the cloud has WeChat login.
// The buttons post JSON from the page's own script (/dev/login.js): the dev endpoints take nothing
// else, so a form on another site cannot log a browser in, and the CSP allows no inline script.
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
      (u) =>
        `<button type="button" id="login-${escape(u.openid)}" data-openid="${escape(u.openid)}"><strong>${escape(u.name)}</strong><span>${escape(u.roleLabel)}</span></button>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>建议通 · 本地演示登录</title>
<link rel="stylesheet" href="/dev/login.css">
<script src="/dev/login.js" defer></script>
</head>
<body>
<h1>建议通 · 本地演示</h1>
<p>请选择一位演示用户登录。正式环境中身份来自微信，不需要选择。</p>
<p id="login-error" role="alert" hidden></p>
${buttons}
</body></html>`;
}

export const DEV_LOGIN_CSS = `body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 18px; margin: 0; padding: 24px 16px; background: #f5f5f5; color: #1a1a1a; }
h1 { font-size: 24px; margin: 0 0 8px; }
p { color: #444; margin: 0 0 20px; line-height: 1.6; }
#login-error { color: #b42318; font-weight: bold; }
button { width: 100%; min-height: 56px; margin: 0 0 12px; display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; font-size: 18px; border: 1px solid #bbb; border-radius: 8px; background: #fff; color: #1a1a1a; cursor: pointer; }
button span { color: #333; }
button:focus { outline: 3px solid #07c160; }
`;

export const DEV_LOGIN_JS = `document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-openid]');
  if (!button) return;
  button.disabled = true;
  fetch('/dev/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid: button.getAttribute('data-openid') })
  })
    .then(function (res) { return res.json(); })
    .then(function (body) {
      if (body && body.ok) { window.location.assign('/'); return; }
      var refused = new Error(body && body.error ? body.error.message : '登录失败，请重试');
      refused.fromServer = true;
      throw refused;
    })
    .catch(function (error) {
      var box = document.getElementById('login-error');
      box.textContent = error && error.fromServer ? error.message : '网络连接失败，请重试';
      box.hidden = false;
      button.disabled = false;
    });
});
`;
