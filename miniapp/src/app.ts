// First: zod must be configured before any shared schema is built.
import './zod-config';
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { refreshJwksQuietly } from './services/jwks';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Keep the signing keys fresh whenever the app starts online, for offline verification later.
  useLaunch(() => refreshJwksQuietly());
  return children;
}

export default App;
