/** Strings of the way into the lessons (the Lessons button, the panel's heading, the first-visit welcome), in English and Japanese; the lessons' own strings load with them (lessons.ts). */
export const lessonsEntry = {
  'lessons.button': { en: 'Lessons', ja: 'レッスン' },
  'lessons.buttonTitle': { en: 'Guided lessons that follow the course', ja: '講座に沿ったガイド付きレッスン' },
  'lessons.panel': { en: 'Lessons', ja: 'レッスン' },
  'lessons.close': { en: 'Close the Lessons panel (the lesson stays open)', ja: 'レッスンパネルを閉じる (レッスンは続きます)' },
  'lessons.welcome.title': { en: 'Welcome to GradCanvas', ja: 'GradCanvas へようこそ' },
  'lessons.welcome.text': {
    en: 'Build computation graphs node by node and watch PyTorch’s autograd compute values and gradients. Start with a guided lesson, or explore the canvas on your own.',
    ja: 'ノードをつないで計算グラフを作り、PyTorch の自動微分が値と勾配を計算する様子を見られます。ガイド付きレッスンから始めるか、自由にキャンバスを使ってください。',
  },
  'lessons.welcome.lesson': { en: 'Start lesson 1: {title}', ja: 'レッスン 1 を始める: {title}' },
  'lessons.welcome.canvas': { en: 'Explore the free canvas', ja: '自由にキャンバスを使う' },
  'lessons.welcome.later': { en: 'The Lessons button in the toolbar opens the lessons at any time.', ja: 'ツールバーの「レッスン」ボタンからいつでもレッスンを開けます。' },
} as const;
