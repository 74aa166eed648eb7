/** Why a CSV file is refused, by the engine's CSV_REASONS, naming the line (and column), in English and Japanese. */
export const csv = {
  'csv.tooManyBytes': { en: 'line 1: the file is {size} MB; GradCanvas reads CSV files up to {max} MB', ja: '1 行目：ファイルが {size} MB あります。読み込める CSV は {max} MB までです' },
  'csv.too_long': { en: 'line {line}: the file has {count} characters, which exceeds the limit of {limit} characters', ja: '{line} 行目：ファイルが {count} 文字あり、上限の {limit} 文字を超えています' },
  'csv.empty': { en: 'line {line}: the file is empty', ja: '{line} 行目：ファイルが空です' },
  'csv.numbers_header': {
    en: 'line {line}: the first line must be a header of column names, but it holds only numbers',
    ja: '{line} 行目：1 行目は列名の見出しでなければなりませんが、数値しかありません',
  },
  'csv.unnamed_column': { en: 'line {line}: column {index} has no name', ja: '{line} 行目：{index} 列目に名前がありません' },
  'csv.long_name': {
    en: "line {line}: column {index}'s name has {count} characters; a name may have up to {max}",
    ja: '{line} 行目：{index} 列目の名前が {count} 文字あります。名前は {max} 文字までです',
  },
  'csv.duplicate_column': { en: 'line {line}, column {column}: this column name appears twice', ja: '{line} 行目、列 {column}：この列名が 2 回出てきます' },
  'csv.no_rows': { en: 'line {line}: there are no data rows after the header', ja: '{line} 行目：見出しの後にデータの行がありません' },
  'csv.too_many_rows': { en: 'line {line}: the file has {count} rows; GradCanvas takes up to {max}', ja: '{line} 行目：ファイルが {count} 行あります。読み込めるのは {max} 行までです' },
  'csv.decimal_comma': {
    en: 'line {line}, column {column}: looks like numbers with decimal commas ({cell}); write them with a point ({fixed})',
    ja: '{line} 行目、列 {column}：小数点にカンマを使った数のようです（{cell}）。ピリオドで書いてください（{fixed}）',
  },
  'csv.no_numbers': { en: 'line {line}: no column holds numbers', ja: '{line} 行目：数値の列がありません' },
  'csv.too_many_elements': {
    en: 'line {line}: {rows} rows of {columns} number columns are {count} elements, which exceeds the limit of {limit} elements',
    ja: '{line} 行目：{rows} 行 × 数値の {columns} 列で {count} 要素になり、上限の {limit} 要素を超えます',
  },
  'csv.ragged': { en: 'line {line}: has {cells} cells but the header has {columns} columns', ja: '{line} 行目：セルが {cells} 個ありますが、見出しは {columns} 列です' },
  'csv.empty_cell': { en: 'line {line}, column {column}: the cell is empty', ja: '{line} 行目、列 {column}：セルが空です' },
  'csv.not_a_number': { en: 'line {line}, column {column}: {cell} is not a number', ja: '{line} 行目、列 {column}：{cell} は数値ではありません' },
  'csv.unclosed_quote': { en: 'line {line}: Quoted field unterminated', ja: '{line} 行目：引用符（"）が閉じていません' },
  'csv.bad_quote': { en: 'line {line}: Trailing quote on quoted field is malformed', ja: '{line} 行目：引用符（"）で囲んだ値の閉じ方が正しくありません' },
  'csv.unreadable': { en: 'line {line}: {detail}', ja: '{line} 行目：CSV として読み取れません（{detail}）' },
  // The CSV import's own refusal of a file name, shown with the reader's findings.
  'datasets.err.reservedName': {
    en: '“{name}” cannot name a dataset: JavaScript gives it a special meaning, so a graph holding it could not be opened again. Rename the file and import it again.',
    ja: '「{name}」はデータセット名に使えません。JavaScript で特別な意味を持つため、この名前を含むグラフは開き直せなくなります。ファイル名を変えてもう一度読み込んでください。',
  },
} as const;
