import { AppError, DEFAULT_MESSAGES, ERROR_CODES } from '../../src/core/errors';

describe('the error vocabulary', () => {
  it('every code has a Chinese default message', () => {
    for (const code of ERROR_CODES) expect(DEFAULT_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('an AppError carries its code and the default or a precise message', () => {
    expect(new AppError('CONFLICT')).toMatchObject({ code: 'CONFLICT', message: DEFAULT_MESSAGES.CONFLICT, name: 'AppError' });
    expect(new AppError('DEADLINE', '已超过申请退回期限').message).toBe('已超过申请退回期限');
  });
});
