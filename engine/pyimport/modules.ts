/** The modules a script can import, by the name it gives them. */
export type ModuleName = 'torch' | 'nn' | 'F' | 'np' | 'optim' | 'pd';

/** Each module's full Python path. */
export const MODULE_PATHS: Readonly<Record<ModuleName, string>> = {
  torch: 'torch',
  nn: 'torch.nn',
  F: 'torch.nn.functional',
  np: 'numpy',
  optim: 'torch.optim',
  pd: 'pandas',
};

/** The import line that gives each module its name. */
export const IMPORT_LINES: Readonly<Record<ModuleName, string>> = {
  torch: 'import torch',
  nn: 'import torch.nn as nn',
  F: 'import torch.nn.functional as F',
  np: 'import numpy as np',
  optim: 'import torch.optim as optim',
  pd: 'import pandas as pd',
};

/** Whether a Python name is one of the module names. */
export function isModuleName(name: string): name is ModuleName {
  return Object.hasOwn(MODULE_PATHS, name);
}

/** The module an import statement's text (after `import `, spaces collapsed) names, or undefined. */
export function importedModule(what: string): ModuleName | undefined {
  return (Object.keys(IMPORT_LINES) as ModuleName[]).find((m) => IMPORT_LINES[m] === `import ${what}`);
}

/** The module `owner.prop` is (`torch.nn`, `nn.functional`), or undefined. */
export function submodule(owner: ModuleName, prop: string): ModuleName | undefined {
  const path = `${MODULE_PATHS[owner]}.${prop}`;
  return (Object.keys(MODULE_PATHS) as ModuleName[]).find((m) => MODULE_PATHS[m] === path);
}
