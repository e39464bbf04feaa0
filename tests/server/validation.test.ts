// Request data checks tell what is wrong with a field in words a person can act on.
import { z } from 'zod';
import { AppError } from '../../src/core/errors';
import { parseData, versionField } from '../../src/server/validation';

const schema = z.object({ version: versionField, name: z.string().min(1), page: z.number().int().min(1).max(100).optional() });

function messageOf(data: unknown): string {
  try {
    parseData(schema, data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return (error as AppError).message;
  }
  throw new Error('accepted');
}

describe('the messages of bad request data', () => {
  it.each([
    ['a missing field', '{"name":"王"}', '缺少「版本号」'],
    ['null', '{"version":null,"name":"王"}', '缺少「版本号」'],
    ['1e309 (JSON reads it as Infinity)', '{"version":1e309,"name":"王"}', '「版本号」超出允许的范围'],
    ['-1e309', '{"version":-1e309,"name":"王"}', '「版本号」超出允许的范围'],
    ['a fraction where an integer belongs', '{"version":1.5,"name":"王"}', '「版本号」应为整数'],
    ['a number past 2^53', '{"version":1e20,"name":"王"}', '「版本号」不能大于1000000000'],
    ['a number too large for the field', '{"version":1,"name":"王","page":101}', '「页码」不能大于100'],
    ['text where a number belongs', '{"version":"3","name":"王"}', '「版本号」的类型不正确'],
    ['a number where text belongs', '{"version":1,"name":5}', '「姓名」的类型不正确'],
  ])('%s', (_what, json, message) => {
    expect(messageOf(JSON.parse(json))).toBe(message);
  });
});
