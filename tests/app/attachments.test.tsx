// Files on the detail page: a contact record's photos with 查看 and (when the server says so) 删除,
// the reply letter opened through letters.get, and 添加照片 only where the caller works on the record.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AttachmentView, ContactView as Contact, ReplyView } from '../../src/contract';
import { DetailView } from '../../src/pages/work/detail';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { detail, task } from './fixtures';

let server: FakeServer;
let opened: jest.SpyInstance;
beforeEach(() => {
  server = installFakeServer();
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
  opened = jest.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => jest.restoreAllMocks());

const contact: Contact = { id: 'c1', taskId: 't1', at: '2026-03-20T01:30:00.000Z', mode: 'meeting', modeLabel: '见面', people: '王代表', notes: '当面沟通', faceToFace: true };
const photo = (over: Partial<AttachmentView> = {}): AttachmentView => ({
  id: 'a1',
  target: 'contact',
  targetId: 'c1',
  taskId: 't1',
  fileName: '面复现场.jpg',
  contentType: 'image/jpeg',
  kindLabel: '照片',
  size: 2048,
  sizeLabel: '2 KB',
  createdAt: '2026-03-20T02:00:00.000Z',
  createdByName: '孙丽',
  url: '/files/attachments/s1/a1.jpg?sig=x',
  expiresAt: '2026-03-20T02:10:00.000Z',
  removable: false,
  version: 1,
  ...over,
});
const signedReply: ReplyView = {
  id: 'r1',
  taskId: 't1',
  unitName: '市发展改革委',
  round: 1,
  class: 'A',
  classLabel: 'A类',
  text: '答复正文',
  leaderContact: { name: '冯刚', phone: '13912340005' },
  handlerContact: { name: '孙丽', phone: '13912340003' },
  signed: true,
  signedAt: '2026-04-01T02:00:00.000Z',
  letter: { fileName: '答复函-1号-市发展改革委.docx', number: '市发展改革委建复〔2026〕1号' },
  reviews: [],
  version: 2,
};

describe('files on the detail page', () => {
  it('lists a contact record’s photo and opens it; a deputy is offered no upload', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['contacts.confirm'] })], contacts: [contact], attachments: [photo()] })));
    render(<DetailView id="s1" />);
    expect(await screen.findByText(/照片：面复现场\.jpg（2 KB，孙丽/)).toBeTruthy();
    expect(screen.queryByText('添加照片')).toBeNull();
    expect(screen.queryByText('删除')).toBeNull();
    fireEvent.click(screen.getByText('查看'));
    expect(opened).toHaveBeenCalledWith('/files/attachments/s1/a1.jpg?sig=x', '_blank', 'noopener');
  });

  it('offers 添加照片 to the handler of the task, and 删除 where the server allows it', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.logContact', 'tasks.saveDraft'] })], contacts: [contact], attachments: [photo({ removable: true })] })));
    server.on('attachments.remove', ok({ id: 'a1', removed: true }));
    render(<DetailView id="s1" />);
    await screen.findByText(/面复现场\.jpg/);
    expect(screen.getAllByText('添加照片').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(server.callsOf('attachments.remove')[0]!.data).toEqual({ id: 'a1', version: 1 }));
    await waitFor(() => expect(server.callsOf('suggestions.get').length).toBe(2));
  });

  it('opens the reply letter through letters.get', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task()], replies: [signedReply] })));
    server.on('letters.get', ok({ fileName: '答复函.docx', number: '市发展改革委建复〔2026〕1号', url: '/files/letters/s1/r1.docx?sig=y', expiresAt: '2026-04-01T02:10:00.000Z' }));
    render(<DetailView id="s1" />);
    expect(await screen.findByText('答复函：市发展改革委建复〔2026〕1号')).toBeTruthy();
    fireEvent.click(screen.getByText('查看答复函（Word）'));
    await waitFor(() => expect(opened).toHaveBeenCalledWith('/files/letters/s1/r1.docx?sig=y', '_blank', 'noopener'));
    expect(server.callsOf('letters.get')[0]!.data).toEqual({ taskId: 't1' });
  });
});
