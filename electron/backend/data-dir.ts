import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = '信访接待大厅';

/**
 * The folder Electron's app.getPath('userData') gives for this product, so the
 * desktop app and `serve` mode on the same machine use the same database.
 */
export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
  }
}
