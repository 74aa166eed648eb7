// The PyTorch importer: Python of the supported subset (docs/code-import.md) into a graph document.
export { importPython, type ImportedStatement, type ImportOptions, type ImportResult } from './importPython';
export { EXPECTED, type Expected, IMPORT_REASONS, type ImportError, type ImportReason } from './reasons';
