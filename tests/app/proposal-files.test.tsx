// A proposal's files in the app: the draft form offers 添加照片 to its author and sends the file with
// the proposal as its record; the view page lists the files without 添加 (the author adds on the form).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AttachmentView } from '../../src/contract';
import { ProposalEditView } from '../../src/pages/proposals/edit';
import { ProposalPageView } from '../../src/pages/proposals/view';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { proposal } from './fixtures';

jest.mock('../../src/components/attachment-files', () => ({
  // What the phone's picker gives (name, bytes, size), and what a file uploaded to storage first gives (fileID).
  pickAttachment: jest.fn(async () => ({ name: '食堂选址.jpg', base64: '/9j/4AAQ', size: 6, fileID: 'uploads/u1/x.jpg' })),
}));

let server: FakeServer;
beforeEach(() => {
  window.localStorage.clear();
  server = installFakeServer();
});

const file = (over: Partial<AttachmentView> = {}): AttachmentView => ({
  id: 'a1',
  target: 'proposal',
  targetId: 'p1',
  fileName: '食堂选址.jpg',
  contentType: 'image/jpeg',
  kindLabel: '照片',
  size: 2048,
  sizeLabel: '2 KB',
  createdAt: '2026-12-01T02:00:00.000Z',
  createdByName: '王建华',
  url: '/files/attachments/proposals/p1/a1.jpg?sig=x',
  expiresAt: '2026-12-01T02:10:00.000Z',
  removable: true,
  version: 1,
  ...over,
});

describe('a proposal’s files', () => {
  it('the draft form lists them and uploads one with the proposal as its record', async () => {
    server.on('proposals.get', ok(proposal()));
    let listed: AttachmentView[] = [];
    server.on('attachments.list', () => ok({ items: listed }));
    server.on('attachments.add', () => {
      listed = [file()];
      return ok(file());
    });
    render(<ProposalEditView id="p1" onSubmitted={() => undefined} />);
    fireEvent.click(await screen.findByText('添加照片'));
    await waitFor(() => expect(server.callsOf('attachments.add')).toHaveLength(1));
    expect(server.callsOf('attachments.add')[0]!.data).toMatchObject({ target: 'proposal', targetId: 'p1', fileName: '食堂选址.jpg' });
    expect(await screen.findByText(/照片：食堂选址\.jpg（2 KB，王建华/)).toBeTruthy();
    expect(screen.getByText('删除')).toBeTruthy();
  });

  it('a new draft offers files once it has been saved', async () => {
    render(<ProposalEditView onSubmitted={() => undefined} />);
    expect(await screen.findByText('开始填写后即可添加照片或扫描件')).toBeTruthy();
    expect(screen.queryByText('添加照片')).toBeNull();
    expect(server.callsOf('attachments.list')).toHaveLength(0);
  });

  it('the view page lists them, without 添加 or 删除', async () => {
    server.on('proposals.get', ok(proposal({ state: 'submitted', actions: ['proposals.decide'] })));
    server.on('attachments.list', ok({ items: [file({ removable: false })] }));
    render(<ProposalPageView id="p1" />);
    expect(await screen.findByText(/照片：食堂选址\.jpg/)).toBeTruthy();
    expect(server.callsOf('attachments.list')[0]!.data).toEqual({ target: 'proposal', targetId: 'p1' });
    expect(screen.queryByText('添加照片')).toBeNull();
    expect(screen.queryByText('删除')).toBeNull();
  });
});
