import { spawn, spawnSync } from 'node:child_process';

/** Debian's Python, which has PyTorch (python3-torch); the python3 first on PATH may not. */
export const PYTHON = '/usr/bin/python3';

/** Throws a clear message when Debian's PyTorch is missing: tests against PyTorch never skip. */
export function assertTorch(): void {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`PyTorch is not available to ${PYTHON}: install it with 'apt-get install -y python3-torch'.\n${r.stderr ?? r.error?.message ?? ''}`);
  }
}

/** Runs a Python script file and resolves with its exit status and output. */
export function runPythonFile(path: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
