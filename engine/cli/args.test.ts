import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from './args';

describe('parseArgs --divergence-factor', () => {
  it('--divergence-factor 10, 1e6, 1.5 → that number', () => {
    expect(parseArgs(['train', 'g.json', '--divergence-factor', '10']).divergenceFactor).toBe(10);
    expect(parseArgs(['train', 'g.json', '--divergence-factor', '1e6']).divergenceFactor).toBe(1e6);
    expect(parseArgs(['export-pytorch', 'g.json', '--divergence-factor', '1.5']).divergenceFactor).toBe(1.5);
  });

  it('--divergence-factor off → null (the growth rule off); no flag → undefined (the file decides)', () => {
    expect(parseArgs(['train', 'g.json', '--divergence-factor', 'off']).divergenceFactor).toBeNull();
    expect(parseArgs(['train', 'g.json', '--divergence-factor', 'never']).divergenceFactor).toBe('never');
    expect(parseArgs(['train', 'g.json']).divergenceFactor).toBeUndefined();
  });

  it('--divergence-factor 1, 0.5, -3, 0, abc, Infinity, NaN, OFF or empty → an error naming the value', () => {
    for (const v of ['1', '0.5', '-3', '0', 'abc', 'Infinity', 'NaN', 'OFF', '']) {
      expect(() => parseArgs(['train', 'g.json', '--divergence-factor', v]), v).toThrow(`--divergence-factor must be a number above 1, 'off' or 'never', got '${v}'`);
    }
  });

  it('--divergence-factor with no value → an error', () => {
    expect(() => parseArgs(['train', 'g.json', '--divergence-factor'])).toThrow('--divergence-factor needs a value');
  });

  it('USAGE → lists --divergence-factor under train and for export-pytorch', () => {
    const train = USAGE.indexOf('train FILE');
    const exportAt = USAGE.indexOf('export-pytorch FILE');
    expect(USAGE.indexOf('--divergence-factor F|off')).toBeGreaterThan(train);
    expect(USAGE.indexOf('--divergence-factor F|off')).toBeLessThan(exportAt);
    expect(USAGE.slice(exportAt)).toContain('--divergence-factor   as for train');
  });
});

describe('parseArgs numbers', () => {
  it("--epochs, --log-every and --lr read decimal numbers only: '0x10', '' and '1_000' → an error naming the value", () => {
    expect(parseArgs(['train', 'g.json', '--epochs', '20', '--lr', '1e-3']).epochs).toBe(20);
    expect(parseArgs(['train', 'g.json', '--lr', '.5']).lr).toBe(0.5);
    for (const v of ['0x10', '', '1_000']) expect(() => parseArgs(['train', 'g.json', '--epochs', v]), v).toThrow(`--epochs must be a whole number, got '${v}'`);
    for (const v of ['0x1', 'Infinity', '']) expect(() => parseArgs(['train', 'g.json', '--lr', v]), v).toThrow(`--lr must be a positive number, got '${v}'`);
  });
});

describe('parseArgs --dtype', () => {
  it('--dtype float32 or float64 → that dtype for any command; no flag → undefined (the file decides)', () => {
    expect(parseArgs(['train', 'g.json', '--dtype', 'float32']).dtype).toBe('float32');
    expect(parseArgs(['eval', 'g.json', '--dtype', 'float64']).dtype).toBe('float64');
    expect(parseArgs(['export-pytorch', 'g.json', '--dtype', 'float32']).dtype).toBe('float32');
    expect(parseArgs(['grad', 'g.json']).dtype).toBeUndefined();
  });

  it('--dtype half, FLOAT32 or nothing → an error naming what it takes', () => {
    expect(() => parseArgs(['train', 'g.json', '--dtype', 'half'])).toThrow("--dtype must be float32 or float64, got 'half'");
    expect(() => parseArgs(['train', 'g.json', '--dtype', 'FLOAT32'])).toThrow(/--dtype must be float32 or float64/);
    expect(() => parseArgs(['train', 'g.json', '--dtype'])).toThrow('--dtype needs a value');
  });

  it('USAGE → names --dtype among the options for every command', () => {
    expect(USAGE).toMatch(/--dtype float32\|float64\n\s+compute in this number type/);
  });
});
