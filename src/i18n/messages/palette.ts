/** Strings of the palette, in English and Japanese. */
export const palette = {
  'palette.title': { en: 'Operators', ja: '演算ノード' },
  'palette.search': { en: 'Search operators', ja: '演算ノードを検索' },
  'palette.searchPlaceholder': { en: 'Name, formula or group', ja: '名前・式・グループ名' },
  'palette.hint': {
    en: 'Drag an operator onto the canvas, or focus it and press Enter to add it at the centre.',
    ja: 'キャンバスへドラッグするか、選んで Enter キーを押すと中央に追加されます。',
  },
  'palette.group.data': { en: 'Data and parameters', ja: 'データとパラメータ' },
  'palette.group.arithmetic': { en: 'Arithmetic', ja: '算術演算' },
  'palette.group.reductions': { en: 'Reductions', ja: '集約 (リダクション)' },
  'palette.group.shapes': { en: 'Shape', ja: '形状の変更' },
  'palette.group.layers': { en: 'Layers', ja: 'レイヤー (層)' },
  'palette.group.activations': { en: 'Activations', ja: '活性化関数' },
  'palette.group.losses': { en: 'Losses', ja: '損失関数' },
  'palette.add': { en: 'Add {op}: {formula}', ja: '{op} を追加: {formula}' },
  'palette.added': { en: 'Added {id} at the centre of the canvas.', ja: '{id} をキャンバスの中央に追加しました。' },
  'palette.empty': { en: 'No operator matches “{query}”.', ja: '「{query}」に一致する演算ノードはありません。' },
} as const;
