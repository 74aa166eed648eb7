import type { FileNode, InitSpec } from '../../engine';
import { formatExact } from '../format';
import { useT } from '../i18n/useT';
import { parseInteger, parseNumber } from '../parseNumber';
import { useEditNode } from './editNode';
import { effectiveInit, INIT_TYPES, initOfType, reinitialise, setInitField } from './nodeEdits';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** The numeric fields of each initialiser, in the order they are shown. */
const FIELDS: Readonly<Record<InitSpec['type'], readonly string[]>> = {
  constant: ['value'],
  uniform: ['low', 'high', 'seed'],
  normal: ['mean', 'std', 'seed'],
  default: ['seed'],
};

/**
 * How a trainable tensor starts, and Re-initialise. Like changing an `nn.init` call, a new
 * initialiser does not touch values already there; Re-initialise discards them so it applies.
 */
export function InitEditor({ node }: { readonly node: FileNode }) {
  const t = useT();
  const init = effectiveInit(node);
  const editNode = useEditNode();
  const values = init as unknown as Record<string, number>;
  const hasValues = node.params !== undefined && Object.keys(node.params).length > 0;
  return (
    <div className="insp-init">
      <SelectField
        testid="inspector.init.type"
        label={t('inspector.init.type')}
        value={init.type}
        options={INIT_TYPES.map((type) => ({ value: type, label: t(`inspector.init.${type}`) }))}
        onChange={(type) => editNode(node.id, 'set initialiser', (n) => void (n.init = initOfType(type as InitSpec['type'], effectiveInit(n))))}
      />
      {FIELDS[init.type].map((f) =>
        f === 'seed' ? (
          <TextField
            key={`${init.type}.${f}`}
            field={`init.${f}`}
            label={t(`inspector.init.${f}`)}
            value={values[f] as number | null}
            format={(v) => (v === null ? '' : formatExact(v))}
            parse={(text) => parseInteger(text)}
            commit={(v) => editNode(node.id, `set init ${f}`, (n) => setInitField(n, f, v as number), `init:${node.id}:${f}`)}
            inputMode="numeric"
          />
        ) : (
          <TextField
            key={`${init.type}.${f}`}
            field={`init.${f}`}
            label={t(`inspector.init.${f}`)}
            value={values[f]}
            format={formatExact}
            parse={(text) => parseNumber(text)}
            commit={(v) => editNode(node.id, `set init ${f}`, (n) => setInitField(n, f, v), `init:${node.id}:${f}`)}
          />
        ),
      )}
      <div className="insp-field">
        <button
          type="button"
          data-testid="inspector.reinit"
          disabled={!hasValues}
          title={t('inspector.reinitHelp')}
          onClick={() => editNode(node.id, 're-initialise', reinitialise)}
        >
          {t('inspector.reinit')}
        </button>
        <span className="insp-hint">{hasValues ? t('inspector.initKept') : t('inspector.reinitHelp')}</span>
      </div>
    </div>
  );
}
