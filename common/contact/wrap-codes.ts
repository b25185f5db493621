/**
 * Wrap-up codes (话后小结): how every answered call ended, chosen by the agent at the end of the
 * call. They feed the first-contact resolution figure (一次解决率: the enquiries answered on the
 * call), the contact statistics by reason, and the quality sampling later. Each code says what
 * must come with it: an enquiry answered on the spot names the knowledge article used, a call
 * that became an order names the order, "other" needs a note.
 */
export const WRAP_CODES = [
  'enquiry_answered',
  'order_created',
  'progress_query',
  'urge',
  'outage_informed',
  'transferred',
  'callback_request',
  'nuisance',
  'silent',
  'wrong_number',
  'other',
] as const;
export type WrapCode = (typeof WRAP_CODES)[number];

/** What a code requires besides itself. */
export type WrapNeed = 'article' | 'order' | 'note' | null;

export interface WrapCodeInfo {
  zh: string;
  en: string;
  needs: WrapNeed;
  /** Resolved on the call, with nothing left for a department to do (一次解决). */
  closedOnSpot: boolean;
}

export const WRAP_CODE_INFO: Record<WrapCode, WrapCodeInfo> = {
  enquiry_answered: {
    zh: '咨询已解答',
    en: 'Enquiry answered',
    needs: 'article',
    closedOnSpot: true,
  },
  order_created: { zh: '已建工单', en: 'Order created', needs: 'order', closedOnSpot: false },
  progress_query: {
    zh: '工单进度查询',
    en: 'Order progress asked',
    needs: 'order',
    closedOnSpot: true,
  },
  urge: { zh: '催办', en: 'Order urged', needs: 'order', closedOnSpot: false },
  outage_informed: {
    zh: '停电信息告知',
    en: 'Told of an outage',
    needs: null,
    closedOnSpot: true,
  },
  transferred: { zh: '转接', en: 'Transferred', needs: 'note', closedOnSpot: false },
  callback_request: {
    zh: '预约回电',
    en: 'Callback arranged',
    needs: 'note',
    closedOnSpot: false,
  },
  nuisance: { zh: '骚扰电话', en: 'Nuisance call', needs: null, closedOnSpot: true },
  silent: { zh: '无声/断线', en: 'Silent or cut off', needs: null, closedOnSpot: true },
  wrong_number: { zh: '打错电话', en: 'Wrong number', needs: null, closedOnSpot: true },
  other: { zh: '其他', en: 'Other', needs: 'note', closedOnSpot: false },
};

export interface WrapUpFacts {
  code: WrapCode;
  articleId?: string | null | undefined;
  orderIds?: readonly string[] | undefined;
  note?: string | null | undefined;
}

/** A missing companion of a code, as a field path and a message (zh and en). */
export interface WrapProblem {
  path: 'articleId' | 'orderIds' | 'note';
  zh: string;
  en: string;
}

/** What a wrap-up lacks for its code; empty when it is complete. */
export function wrapUpProblems(w: WrapUpFacts): WrapProblem[] {
  switch (WRAP_CODE_INFO[w.code].needs) {
    case 'article':
      return w.articleId
        ? []
        : [
            {
              path: 'articleId',
              zh: '咨询已解答时请选择答复所用的知识',
              en: 'Name the knowledge article the enquiry was answered with',
            },
          ];
    case 'order':
      return w.orderIds && w.orderIds.length > 0
        ? []
        : [{ path: 'orderIds', zh: '请关联工单', en: 'Name the order this call was about' }];
    case 'note':
      return w.note && w.note.trim() !== ''
        ? []
        : [{ path: 'note', zh: '请填写小结说明', en: 'Write a note on how the call ended' }];
    case null:
      return [];
  }
}
