import { TITLES } from './titles';

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/result/index', 'pages/rate/index', 'pages/complaints/index', 'pages/login/index', 'pages/bind/index'],
  window: {
    navigationBarBackgroundColor: '#1f4e8c',
    navigationBarTitleText: TITLES.app,
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
  // The scan button and the record are the whole app: no tab bar, no extra permission prompts.
  lazyCodeLoading: 'requiredComponents',
  // Browser only (WeChat has its own transitions): no sliding page transition, the verdict appears at once.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});
