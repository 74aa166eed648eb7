import type { TextError } from './tensorText';

/** The translated message for a field error; the variables of each code fill the placeholders. */
export function errorText(t: (key: string, vars?: Readonly<Record<string, string | number>>) => string, error: TextError): string {
  const { code, ...vars } = error;
  return t(`inspector.err.${code}`, vars);
}
