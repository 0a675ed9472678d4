// Zod's own fallback messages in Chinese, for any rule that has no message of
// ours. Only the zh-CN locale is imported, not the whole locale bundle.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());

export { z };
