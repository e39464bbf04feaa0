// The public view masks phone numbers and 身份证号 however they are written.
import { redactPersonalNumbers } from '../../src/server/redaction';

describe('redactPersonalNumbers', () => {
  it.each([
    ['mobile, unbroken', '请联系13800138000了解', '请联系***********了解'],
    ['mobile with dashes', '电话138-0013-8000。', '电话***-****-****。'],
    ['mobile with spaces', '手机 138 0013 8000', '手机 *** **** ****'],
    ['mobile grouped 3-8', '138-00138000', '***-********'],
    ['+86 and spaces', '+86 138 0013 8000', '+** *** **** ****'],
    ['+86 and a dash', '+86-13800138000', '+**-***********'],
    ['(+86)', '(+86)13800138000', '(+**)***********'],
    ['0086', '0086 138 0013 8000', '**** *** **** ****'],
    ['full-width digits', '联系１３８００１３８０００', '联系***********'],
    ['full-width digits and dashes', '１３８－００１３－８０００', '***－****－****'],
    ['mobile with dots', '138.0013.8000', '***.****.****'],
    ['landline spaced', '0531 8600 0001', '**** **** ****'],
    ['landline with a dash', '0531-86000001', '****-********'],
    ['landline with brackets', '(0531)86000001', '(****)********'],
    ['landline with full-width brackets', '（0531）86000001', '（****）********'],
    ['Beijing landline', '010-12345678', '***-********'],
    ['landline 3-4-4', '010-1234-5678', '***-****-****'],
    ['local number', '办公室86000001', '办公室********'],
    ['local number with a dash', '8600-0001', '****-****'],
    ['a hotline after 电话', '电话：12345', '电话：*****'],
    ['身份证号', '身份证370102198001011234', '身份证******************'],
    ['身份证号 ending in X', '37010219800101123X', '******************'],
    ['身份证号 spaced 6-8-4', '370102 19800101 1234', '****** ******** ****'],
    ['15-digit 身份证号', '370102800101123', '***************'],
    ['two numbers', '张13800138000，李0531-86000001', '张***********，李****-********'],
    ['mobile in Chinese numerals', '请打一三八〇〇一三八〇〇〇联系', '请打***********联系'],
    ['mobile in Chinese numerals with 零 and 幺', '幺三八零零幺三八零零零', '***********'],
    ['mobile in Chinese numerals, spaced', '一三八 〇〇一三 八〇〇〇', '*** **** ****'],
    ['mobile in capital numerals', '壹叁捌零零壹叁捌零零零', '***********'],
    ['mobile with underscores', '138_0013_8000', '***_****_****'],
    ['mobile with slashes', '138/0013/8000', '***/****/****'],
    ['mobile with a middle dot', '138・0013・8000', '***・****・****'],
    ['landline with underscores', '0531_8600_0001', '****_****_****'],
  ])('masks %s', (_what, text, masked) => {
    expect(redactPersonalNumbers(text)).toBe(masked);
  });

  it.each([
    ['a plain text', '关于加强社区养老服务的建议'],
    ['a 建议号', '第1009号建议'],
    ['a year and a date', '2024年3月5日，2024-03-05'],
    ['a date in Chinese numerals', '二〇二四年三月五日'],
    ['Chinese numbers in words', '十八届三次会议，三十五个社区，一百二十万元'],
    ['an amount', '投资1500000元，惠及12000户'],
    ['a count in 万', '覆盖35000000人'],
    ['a date written together', '20240105'],
    ['a percentage', '增长12.5%'],
    ['a short number', '共5个社区、1200名老人'],
  ])('leaves %s as it is', (_what, text) => {
    expect(redactPersonalNumbers(text)).toBe(text);
  });
});
