/** Error codes of the `knowledge` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const KNOWLEDGE_ERRORS = {
  KNOWLEDGE_ARTICLE_NOT_FOUND: {
    status: 404,
    zh: '知识条目不存在，或您无权查看。',
    en: 'No such knowledge article, or you may not see it.',
  },
  KNOWLEDGE_UNIT_NOT_FOUND: {
    status: 404,
    zh: '没有这个单位编码（unit），请检查公开网站配置的单位编码。',
    en: 'No unit has that code (unit); check the unit code the public site is configured with.',
  },
  KNOWLEDGE_VERSION_NOT_FOUND: {
    status: 404,
    zh: '该知识条目没有这个版本，或您无权查看。',
    en: 'The article has no such version, or you may not see it.',
  },
  KNOWLEDGE_CATEGORY_NOT_FOUND: {
    status: 404,
    zh: '知识分类不存在，或不在您的范围内。',
    en: 'No such knowledge category in your area.',
  },
  KNOWLEDGE_CATEGORY_EXISTS: {
    status: 409,
    zh: '同一上级分类下已有同名分类。',
    en: 'A category of that name already exists under the same parent.',
  },
  KNOWLEDGE_CATEGORY_CYCLE: {
    status: 422,
    zh: '不能把分类移到它自己或它的下级分类之下。',
    en: 'A category cannot be moved under itself or one of its descendants.',
  },
  KNOWLEDGE_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '知识条目当前状态下不能执行该操作，请刷新后查看。',
    en: 'This action is not allowed in the article’s current state; reload it.',
  },
  KNOWLEDGE_SELF_REVIEW: {
    status: 403,
    zh: '不能审核自己提交的知识条目，请由其他审核人审核。',
    en: 'You cannot review an article you submitted yourself; another reviewer must.',
  },
  KNOWLEDGE_DATES_INVALID: {
    status: 422,
    zh: '有效期不正确：失效时间须晚于生效时间。',
    en: 'The validity dates are not valid: expiry must come after the effective date.',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
