import { z } from 'zod';
import {
  AREA_CLASSES,
  CUSTOMER_CLASSES,
  CUSTOMER_MARKS,
  ID_TYPES,
  INDUSTRIES,
  PHONE_LABELS,
  PII_FIELDS,
  TARIFF_CATEGORIES,
  VOLTAGE_LEVELS,
} from '../customers/codes.js';
import { normalizePhone } from '../customers/phone.js';
import { Email, Id, Page, Phone, Version, text } from './primitives.js';

/** 户号: 10 to 16 digits, unique within a province. */
export const AccountNo = z
  .string()
  .trim()
  .regex(/^\d{10,16}$/, 'An account number (户号) is 10 to 16 digits');

const GridRef = z.object({ id: Id, code: z.string(), name: z.string() });

/** The path from a customer up to its substation. */
export const GridPath = z.object({
  substation: GridRef,
  feeder: GridRef,
  transformer: GridRef.extend({ areaClass: z.enum(AREA_CLASSES) }),
});
export type GridPath = z.infer<typeof GridPath>;

export const CustomerMarks = z.object({
  important: z.boolean(),
  highRisk: z.boolean(),
  sensitive: z.boolean(),
  sensitiveReason: z.string().nullable(),
  vip: z.boolean(),
  /** Arrears in fen; 0 = paid up. */
  arrearsFen: z.number().int(),
  arrearsSince: z.string().nullable(),
});
export type CustomerMarks = z.infer<typeof CustomerMarks>;

export const Address = z.object({
  city: z.string(),
  county: z.string(),
  street: z.string(),
  /** Building, unit, room: masked as **** unless the role needs it. */
  detail: z.string(),
});
export type Address = z.infer<typeof Address>;

export const CustomerPhone = z.object({
  /** 138****5678 when masked; normalised digits (landlines as 0791-86123456) when shown. */
  phone: z.string(),
  label: z.enum(PHONE_LABELS),
});

/** A customer as a look-up or list returns it. */
export const CustomerSummary = z.object({
  id: Id,
  accountNo: z.string(),
  name: z.string(),
  customerClass: z.enum(CUSTOMER_CLASSES),
  status: z.enum(['active', 'closed']),
  unitId: Id,
  unitName: z.string(),
  address: Address,
  phones: z.array(CustomerPhone),
  marks: CustomerMarks,
  gridPath: GridPath.nullable(),
  /** Whether personal data in this response is masked. */
  masked: z.boolean(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const MatchedBy = z.enum(['phone', 'accountNo', 'meterNo', 'name', 'address']);
export const CustomerMatch = CustomerSummary.extend({ matchedBy: MatchedBy });
export type CustomerMatch = z.infer<typeof CustomerMatch>;

export const CustomerSearchResult = z.object({
  items: z.array(CustomerMatch),
  /** Matches found; text searches stop counting at `limit` (then `more` is true). */
  total: z.number().int(),
  more: z.boolean(),
  /** How the query was read: digits as phone / 户号 / meter, text as name and address. */
  interpretedAs: z.enum(['phone', 'number', 'text']),
});
export type CustomerSearchResult = z.infer<typeof CustomerSearchResult>;

export const SearchCustomersQuery = z.strictObject({
  q: text(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchCustomersQuery = z.infer<typeof SearchCustomersQuery>;

/** A caller number as a PBX may send it: 13812345678, +8613812345678, 0791-86123456. */
export const ByPhoneParams = z.strictObject({
  phone: z
    .string()
    .trim()
    .max(24)
    .refine((v) => normalizePhone(v) !== null, { message: 'Not a mobile or fixed-line number' }),
});

export const ByPhoneResult = z.object({
  /** The number as normalised (digits). */
  phone: z.string(),
  items: z.array(CustomerSummary),
});
export type ByPhoneResult = z.infer<typeof ByPhoneResult>;

export const SegmentRef = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  service: z.string(),
});

/** The 360° view. Orders, contacts and outages join it as those modules land. */
export const CustomerDetail = CustomerSummary.extend({
  industry: z.enum(INDUSTRIES),
  voltageLevel: z.enum(VOLTAGE_LEVELS),
  tariffCategory: z.enum(TARIFF_CATEGORIES),
  idType: z.enum(ID_TYPES).nullable(),
  idNo: z.string().nullable(),
  email: z.string().nullable(),
  wechatId: z.string().nullable(),
  meterNo: z.string().nullable(),
  annualKwh: z.number().int(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  consentMessages: z.boolean(),
  consentAt: z.string().nullable(),
  transformerId: Id.nullable(),
  segments: z.array(SegmentRef),
  /** Whether this user may reveal masked values (audited). */
  canReveal: z.boolean(),
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const CustomerListQuery = z.strictObject({
  unitId: Id.optional(),
  customerClass: z.enum(CUSTOMER_CLASSES).optional(),
  mark: z.enum(CUSTOMER_MARKS).optional(),
  segmentId: Id.optional(),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const CustomerList = z.object({ items: z.array(CustomerSummary), total: z.number().int() });
export type CustomerList = z.infer<typeof CustomerList>;

const AddressInput = z.strictObject({
  city: text(32),
  county: text(32),
  street: text(64, 0).default(''),
  detail: text(128, 0).default(''),
});

const PhoneInput = z.strictObject({ phone: Phone, label: z.enum(PHONE_LABELS).default('mobile') });
const Phones = z
  .array(PhoneInput)
  .max(5)
  .refine((p) => new Set(p.map((x) => x.phone.replace(/\D/g, ''))).size === p.length, {
    message: 'Phone numbers must not repeat',
  });

const MarksInput = z
  .strictObject({
    important: z.boolean().optional(),
    highRisk: z.boolean().optional(),
    sensitive: z.boolean().optional(),
    sensitiveReason: text(200).nullable().optional(),
    vip: z.boolean().optional(),
    arrearsFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    arrearsSince: z.iso.date().nullable().optional(),
  })
  .refine((m) => m.sensitive !== true || (m.sensitiveReason ?? '') !== '', {
    message: 'A sensitive mark needs a reason',
    path: ['sensitiveReason'],
  });

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);

/** Mainland ID card (18 characters, last may be X) or a unified social credit code (18). */
const IdNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{6,20}$/, 'An ID number is 6 to 20 letters or digits');

export const CreateCustomerInput = z.strictObject({
  accountNo: AccountNo,
  name: text(64),
  customerClass: z.enum(CUSTOMER_CLASSES),
  industry: z.enum(INDUSTRIES),
  voltageLevel: z.enum(VOLTAGE_LEVELS),
  tariffCategory: z.enum(TARIFF_CATEGORIES),
  idType: z.enum(ID_TYPES).nullable().optional(),
  idNo: IdNo.nullable().optional(),
  address: AddressInput,
  lat: Latitude.nullable().optional(),
  lng: Longitude.nullable().optional(),
  phones: Phones.default([]),
  email: Email.nullable().optional(),
  wechatId: text(64).nullable().optional(),
  meterNo: text(32).nullable().optional(),
  annualKwh: z.number().int().min(0).max(2_000_000_000).default(0),
  unitId: Id,
  transformerId: Id.nullable().optional(),
  marks: MarksInput.optional(),
  consentMessages: z.boolean().default(true),
});
export type CreateCustomerInput = z.infer<typeof CreateCustomerInput>;

export const UpdateCustomerInput = z
  .strictObject({
    version: Version,
    name: text(64).optional(),
    customerClass: z.enum(CUSTOMER_CLASSES).optional(),
    industry: z.enum(INDUSTRIES).optional(),
    voltageLevel: z.enum(VOLTAGE_LEVELS).optional(),
    tariffCategory: z.enum(TARIFF_CATEGORIES).optional(),
    idType: z.enum(ID_TYPES).nullable().optional(),
    idNo: IdNo.nullable().optional(),
    address: AddressInput.optional(),
    lat: Latitude.nullable().optional(),
    lng: Longitude.nullable().optional(),
    phones: Phones.optional(),
    email: Email.nullable().optional(),
    wechatId: text(64).nullable().optional(),
    meterNo: text(32).nullable().optional(),
    annualKwh: z.number().int().min(0).max(2_000_000_000).optional(),
    unitId: Id.optional(),
    transformerId: Id.nullable().optional(),
    marks: MarksInput.optional(),
    consentMessages: z.boolean().optional(),
    status: z.enum(['active', 'closed']).optional(),
  })
  .refine((u) => Object.keys(u).length > 1, { message: 'Nothing to change' });
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInput>;

export const RevealInput = z.strictObject({
  fields: z
    .array(z.enum(PII_FIELDS))
    .min(1)
    .max(PII_FIELDS.length)
    .refine((f) => new Set(f).size === f.length, { message: 'Fields must not repeat' }),
  /** Why the full value is needed (kept in the audit log). */
  reason: text(200),
});
export type RevealInput = z.infer<typeof RevealInput>;

export const RevealResult = z.object({
  phones: z.array(CustomerPhone).optional(),
  idNo: z.string().nullable().optional(),
  address: Address.optional(),
  email: z.string().nullable().optional(),
  wechatId: z.string().nullable().optional(),
});
export type RevealResult = z.infer<typeof RevealResult>;

export const CustomerHistoryEntry = z.object({
  id: Id,
  action: z.string(),
  /** Field → [before, after]; personal values are masked as in the rest of the response. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const CustomerHistory = z.object({
  items: z.array(CustomerHistoryEntry),
  total: z.number().int(),
});
export type CustomerHistory = z.infer<typeof CustomerHistory>;

export const CustomerHistoryQuery = z.strictObject({
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
