// Who may run the sweep: only the timer trigger. The platform tells a timer run by TRIGGER_SRC=timer in
// the function's environment (@cloudbase/node-sdk dist/utils/wxCloudToken.js: "由定时触发器触发时
// （TRIGGER_SRC=timer）", read through getCloudbaseContext in dist/utils/tcbcontext.js). Any other
// caller — the mini-program (it carries an OPENID), an HTTP access path (SOURCE wx_http), another
// function (scf) or another account — is refused.
export interface TriggerContext {
  /** process.env of the function's run. */
  env: Record<string, string | undefined>;
  /** cloud.getWXContext() of the run. */
  wx: { OPENID?: string; SOURCE?: string };
}

export function isTimerRun({ env, wx }: TriggerContext): boolean {
  if (wx.OPENID) return false;
  return env.TRIGGER_SRC === 'timer';
}
