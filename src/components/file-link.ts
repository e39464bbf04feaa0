// A file the server makes on a tap and answers as a link (the 台账 export, the import template): asks for
// it, keeps it the way the platform allows (save-file.ts) and offers 发送到聊天 in WeChat, with
// what went wrong in words. One place for the steps both pages take.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ApiError, ApiResponse } from '../core/errors';
import { keepFile, sendToChat, type FileToSave, type KeptFile } from './save-file';

export interface FileLink<K> {
  /** What is being made now (the key given to run), or null. */
  pending: K | null;
  error: ApiError | null;
  kept: KeptFile | null;
  run(key: K): Promise<void>;
  send(file: KeptFile & { kind: 'written' }): Promise<void>;
}

export function useFileLink<K>(make: (key: K) => Promise<ApiResponse<FileToSave>>): FileLink<K> {
  const [pending, setPending] = useState<K | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [kept, setKept] = useState<KeptFile | null>(null);
  const run = async (key: K) => {
    if (pending !== null) return;
    setPending(key);
    setError(null);
    setKept(null);
    const response = await make(key);
    setPending(null);
    if (!response.ok) return setError(response.error);
    try {
      const file = await keepFile(response.data);
      setKept(file);
      if (file.kind === 'downloaded') void Taro.showToast({ title: '已下载', icon: 'success' });
    } catch {
      setError({ code: 'INTERNAL', message: '文件保存失败，请重试' });
    }
  };
  const send = async (file: KeptFile & { kind: 'written' }) => {
    try {
      if ((await sendToChat(file)) === 'shared') void Taro.showToast({ title: '已发送', icon: 'success' });
    } catch {
      setError({ code: 'INTERNAL', message: '无法发送或打开文件，请重试' });
    }
  };
  return { pending, error, kept, run, send };
}
