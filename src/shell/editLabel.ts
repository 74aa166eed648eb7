import { hasMessage } from '../i18n/messages';

/** The translate function's shape. */
type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * An edit's undo label in the page's language. Edits are labelled in English where they are
 * made (`add node`, `set start`, `set inFeatures`); each has its wording under `edit.`, and
 * setting an op's attribute keeps the attribute's own name (`inFeatures を変更`).
 */
export function editLabelText(t: Translate, label: string): string {
  if (hasMessage(`edit.${label}`)) return t(`edit.${label}`);
  const attr = /^set (\w+)$/.exec(label);
  return attr ? t('edit.setAttr', { name: attr[1] }) : label;
}
