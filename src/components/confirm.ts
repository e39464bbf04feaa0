// Steps that cannot be undone ask first, saying what will follow in words, and say when they are
// done. WeChat's own dialog and toast (Taro's in the browser): a confirm button of at most 4 characters,
// a success toast of at most 7.
import Taro from '@tarojs/taro';

export interface Confirmation {
  title: string;
  /** What follows, in words: who is told, what can no longer be changed. */
  consequence: string;
  confirmText: string;
}

export async function confirmStep({ title, consequence, confirmText }: Confirmation): Promise<boolean> {
  const answer = await Taro.showModal({ title, content: consequence, confirmText, cancelText: '取消', confirmColor: '#0a6e3d' });
  return answer.confirm;
}

/** The success message after a step (it stays while the page goes back). */
export function announce(text: string): void {
  void Taro.showToast({ title: text, icon: 'success', duration: 2500 });
}
