import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { cssVariablesResolver, theme } from './app/theme';
import { App } from './app/App';
import { selectNumbersOnFocus } from '@lib/select-on-focus';

selectNumbersOnFocus();

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
      {/* Bottom-right: at the top they covered the user menu and the screens' top-right buttons (添加账户). */}
      <Notifications position="bottom-right" />
      <App />
    </DatesProvider>
  </MantineProvider>,
);
