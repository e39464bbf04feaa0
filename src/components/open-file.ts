// Opening a file from a short-lived link the server made for the caller: in WeChat a photo in the
// image viewer and a PDF or Word file with openDocument (after downloadFile); in the browser, a new tab.
import Taro from '@tarojs/taro';

export async function openFile(url: string, contentType: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    if (contentType.startsWith('image/')) {
      await Taro.previewImage({ urls: [url], current: url });
      return;
    }
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: contentType === 'application/pdf' ? 'pdf' : 'docx', showMenu: true });
    return;
  }
  window.open(url, '_blank', 'noopener');
}
