/** Strings shared across the app, in English and Japanese. */
export const common = {
  'app.title': { en: 'GradCanvas', ja: 'GradCanvas' },
  'lang.switch': { en: '日本語', ja: 'English' },
  'lang.switchLabel': { en: 'Switch the interface to Japanese', ja: '表示を英語に切り替える' },
  'notice.close': { en: 'Dismiss', ja: '閉じる' },
} as const;
