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

/** How long a success message stays before the page moves on (a toast closes when the page changes). */
export const successPause = { ms: 1500 };

/** The success message after a step; resolves once the person has had time to read it. */
export async function announce(text: string): Promise<void> {
  void Taro.showToast({ title: text, icon: 'success', duration: successPause.ms + 500 });
  await new Promise((resolve) => setTimeout(resolve, successPause.ms));
}
