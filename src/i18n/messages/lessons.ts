/** Strings of the guided lessons (the lesson texts themselves live in src/lessons/content), in English and Japanese. */
export const lessons = {
  'lessons.number': { en: 'Lesson {n}', ja: 'レッスン {n}' },
  'lessons.progress': { en: '{done} of {count} steps done', ja: '{count} ステップ中 {done} 完了' },
  'lessons.start': { en: 'Start', ja: '始める' },
  'lessons.restart': { en: 'Start again', ja: 'もう一度' },
  'lessons.step': { en: 'Step {n} of {count}', ja: 'ステップ {n} / {count}' },
  'lessons.next': { en: 'Next step', ja: '次のステップ' },
  'lessons.back': { en: 'Previous step', ja: '前のステップ' },
  'lessons.stepDone': { en: 'Done ✓', ja: '完了 ✓' },
  'lessons.stepTodo': { en: 'This step completes when the graph shows it.', ja: 'グラフがその状態になると、このステップは完了します。' },
  'lessons.complete': { en: 'Lesson complete: every step is done.', ja: 'レッスン完了: すべてのステップを終えました。' },
  'lessons.hint': { en: 'Hint', ja: 'ヒント' },
  'lessons.pytorch': { en: 'In PyTorch', ja: 'PyTorch では' },
  'lessons.pytorchPrints': { en: 'PyTorch prints', ja: 'PyTorch の出力' },
  'lessons.leave': { en: 'Leave lesson', ja: 'レッスンを終える' },
  'lessons.leaveTitle': { en: 'Close the lesson; your graph stays as it is', ja: 'レッスンを閉じます。グラフはそのまま残ります' },
  'lessons.all': { en: 'All lessons', ja: 'レッスン一覧' },
  'lessons.settingUp': { en: 'Setting up the canvas…', ja: 'キャンバスを準備しています…' },
  'lessons.link.bad': {
    en: '“{link}” is not a lesson link (#lesson=name/step); the open graph is unchanged.',
    ja: '「{link}」はレッスンのリンク（「#lesson=名前/ステップ」の形）ではありません。開いているグラフは変更されていません。',
  },
  'lessons.link.unknown': {
    en: 'There is no lesson “{id}”; the open graph is unchanged. The Lessons button lists every lesson.',
    ja: 'レッスン「{id}」はありません。開いているグラフは変更されていません。レッスンの一覧は「レッスン」ボタンから開けます。',
  },
  'lessons.link.noStep': {
    en: 'The lesson “{title}” has no step {step} (it has {count}); the open graph is unchanged.',
    ja: 'レッスン「{title}」にステップ {step} はありません (全 {count} ステップ)。開いているグラフは変更されていません。',
  },
} as const;
