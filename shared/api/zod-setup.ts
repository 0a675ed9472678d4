// Zod's own fallback messages in Chinese, for any rule that has no message of
// ours. Only the zh-CN locale is imported, not the whole locale bundle.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { fallbackMessage } from './field-labels';

// First our own message naming the field (field-labels.ts); zod's locale text only for a field
// without a name there (tests/unit/validation-messages.test.ts fails on those).
z.config({ ...zhCN(), customError: (issue) => fallbackMessage(issue) });

export { z };
