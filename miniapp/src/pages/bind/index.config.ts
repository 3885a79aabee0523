import { TITLES } from '../../titles';

export default definePageConfig({ navigationBarTitleText: TITLES.bind });
