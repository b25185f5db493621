import type { SeededRandom } from './random.js';
import { GIVEN, SURNAMES } from './territory.js';

/**
 * Fictional people and companies that look real: names, ID card numbers and unified social
 * credit codes with valid check characters, phone numbers, e-mail and WeChat ids.
 */

const SURNAME_CHARS = [...SURNAMES];
const GIVEN_CHARS = [...GIVEN];
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '慕容'];
// Whole given names, the way parents of each generation chose them.
const GIVEN_NAMES = [
  '建国',
  '建华',
  '国强',
  '志强',
  '卫东',
  '立新',
  '秀英',
  '桂英',
  '玉兰',
  '桂兰',
  '秀兰',
  '海燕',
  '红梅',
  '春梅',
  '丽娟',
  '晓明',
  '小红',
  '文静',
  '德胜',
  '海峰',
  '永红',
  '金华',
  '明华',
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '勇',
  '军',
  '涛',
  '欣怡',
  '梓涵',
  '子轩',
  '浩宇',
  '雨涵',
  '思远',
  '宇航',
  '佳怡',
  '嘉怡',
  '子豪',
  '俊杰',
  '晨曦',
  '一诺',
  '梓萱',
  '诗琪',
  '博文',
  '文博',
];

/** A Chinese person's name: a surname (now and then a double one) and a given name. */
export function personName(rnd: SeededRandom): string {
  const surname = rnd.chance(0.004) ? rnd.pick(COMPOUND_SURNAMES) : rnd.pick(SURNAME_CHARS);
  const r = rnd.next();
  const given =
    r < 0.55
      ? rnd.pick(GIVEN_NAMES)
      : r < 0.8
        ? rnd.pick(GIVEN_CHARS) + rnd.pick(GIVEN_CHARS)
        : rnd.pick(GIVEN_CHARS);
  return surname + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of an 18-digit resident ID number (GB 11643, ISO 7064 MOD 11-2). */
export function idCardCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** A resident ID number of a region: birth date 1935–2006, sequence and check character. */
export function idCardNo(rnd: SeededRandom, regionCode: string): string {
  const year = 1935 + Math.min(71, Math.floor(Math.abs(rnd.gauss()) * 22 + rnd.int(5, 30)));
  const month = rnd.int(1, 12);
  const day = rnd.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const body = `${regionCode}${year}${pad(month, 2)}${pad(day, 2)}${rnd.digits(3)}`;
  return body + idCardCheck(body);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a unified social credit code (GB 32100). */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/**
 * A unified social credit code: registering authority and type ('91' companies, '12' public
 * institutions, '11' government bodies, '92' sole traders), region, the 9-character organisation code with its own
 * check character (GB 11714), and the overall check character.
 */
export function usccCode(
  rnd: SeededRandom,
  kind: '91' | '92' | '12' | '11',
  regionCode: string,
): string {
  let org = '';
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    // Organisation codes are mostly digits, with a letter here and there.
    const c = rnd.chance(0.15) ? USCC_CHARS[rnd.int(10, 30)]! : String(rnd.int(0, 9));
    org += c;
    sum += USCC_CHARS.indexOf(c) * ORG_WEIGHTS[i]!;
  }
  const c9 = 11 - (sum % 11);
  org += c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const body = `${kind}${regionCode}${org}`;
  return body + usccCheck(body);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '198',
  '199',
];

/** A mobile number, normalised (11 digits). */
export function mobile(rnd: SeededRandom): string {
  return rnd.pick(MOBILE_PREFIXES) + rnd.digits(8);
}

/** A landline, normalised: area code and an 8-digit local number (0736-86123456 → 073686123456). */
export function landline(rnd: SeededRandom, areaCode: string): string {
  return `${areaCode}${rnd.int(2, 8)}${rnd.digits(7)}`;
}

// The reserved .example domain: these addresses look like mail accounts but never deliver.
const MAIL_DOMAINS = ['qq.example', '163.example', '126.example', 'sina.example'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** An e-mail address under a reserved domain (numeric like QQ mail, or a handle). */
export function email(rnd: SeededRandom): string {
  const domain = rnd.pick(MAIL_DOMAINS);
  if (domain === 'qq.example') return `${rnd.int(10_000_000, 3_999_999_999)}@${domain}`;
  return `${handle(rnd, rnd.int(4, 8))}${rnd.digits(rnd.int(0, 4))}@${domain}`;
}

/** A WeChat id as WeChat assigns them (wxid_…) or as people choose them. */
export function wechatId(rnd: SeededRandom): string {
  if (rnd.chance(0.6)) return `wxid_${handle(rnd, 14, true)}`;
  return `${handle(rnd, rnd.int(5, 9))}${rnd.digits(rnd.int(2, 4))}`;
}

function handle(rnd: SeededRandom, n: number, alnum = false): string {
  const chars = alnum ? `${LETTERS}0123456789` : LETTERS;
  let s = '';
  for (let i = 0; i < n; i++) s += chars[rnd.int(0, chars.length - 1)];
  return s;
}

function pad(n: number, len: number): string {
  return String(n).padStart(len, '0');
}
