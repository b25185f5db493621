/** The shape of a demo knowledge article or answer script (written in knowledge-*.ts). */
import type { KnowledgeAudience, ScriptScenario } from '../../common/schemas/knowledge.js';

export interface DemoArticle {
  /** A stable key, for tests and for the version demo. */
  key: string;
  /** The category by name path: `电价电费/居民电价`. */
  category: string;
  title: string;
  summary: string;
  tags: string[];
  audience: KnowledgeAudience;
  orderTypes: string[];
  /** Markdown. */
  body: string;
  /** Scripts only. */
  scenario?: ScriptScenario;
}

/** The category tree of the demo knowledge base, in display order. */
export const DEMO_CATEGORIES: { name: string; children: string[] }[] = [
  { name: '电价电费', children: ['居民电价', '工商业电价', '电费与账单'] },
  { name: '缴费服务', children: [] },
  { name: '停电与抢修', children: [] },
  { name: '计量与抄表', children: [] },
  { name: '业扩报装', children: ['居民用电', '非居民用电'] },
  { name: '变更用电', children: [] },
  { name: '新能源与充电', children: [] },
  { name: '安全用电', children: [] },
  { name: '投诉与举报', children: [] },
  { name: '服务渠道', children: [] },
  { name: '服务话术', children: [] },
];
