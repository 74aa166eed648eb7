/** Strings about datasets that the first screen shows (binding notices, the loss hint, a failed course download), in English and Japanese; the Data panel's own strings load with it (datasets.ts). */
export const datasetNotices = {
  'datasets.bound.rebound': { en: 'Bound “{name}” to the graph’s input nodes: {list}.', ja: '「{name}」をグラフの入力ノードに結び付けました: {list}。' },
  'datasets.bound.createdOne': { en: 'Created input node {list}; wire it into the graph.', ja: '入力ノード {list} を作りました。計算グラフにつないでください。' },
  'datasets.bound.created': { en: 'Created input nodes {list}; wire them into the graph.', ja: '入力ノード {list} を作りました。計算グラフにつないでください。' },
  'datasets.bound.column': { en: '{n} column', ja: '{n} 列' },
  'datasets.bound.columns': { en: '{n} columns', ja: '{n} 列' },
  'datasets.bound.listSep': { en: ', ', ja: '、' },
  'datasets.bound.listAnd': { en: ' and ', ja: ' と ' },
  'datasets.loss.autoHint': { en: 'Used as the loss automatically: it is the only candidate in the graph. Check to mark it, or mark another scalar node.', ja: '計算グラフで唯一の候補なので、自動で損失として使われています。チェックで明示的に指定するか、別のスカラーのノードを指定できます。' },
  'datasets.err.download': {
    en: '{file} could not be downloaded ({reason}); reload the page to try again, or import the course’s file yourself.',
    ja: '{file} をダウンロードできませんでした ({reason})。ページを再読み込みしてやり直すか、講座のファイルを自分で読み込んでください。',
  },
} as const;
