import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunPython } from './torchBridge';

/** Debian's Python, which has PyTorch (python3-torch); the python3 first on PATH may not. */
export const PYTHON = '/usr/bin/python3';

/** Throws a clear message when Debian's PyTorch is missing: tests against PyTorch never skip. */
export function assertTorch(): void {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`PyTorch is not available to ${PYTHON}: install it with 'apt-get install -y python3-torch'.\n${r.stderr ?? r.error?.message ?? ''}`);
  }
}

/** Runs each script in one Python process (PyTorch imports once), as `python3 script` would. */
const BATCH_DRIVER = `
import contextlib, io, json, sys, traceback
results = []
for path in json.load(sys.stdin):
    out = io.StringIO()
    status = 0
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(open(path, 'rb').read(), path, 'exec'), {'__name__': '__main__'})
    except BaseException:
        status = 1
        err = traceback.format_exc()
    else:
        err = ''
    results.append({'status': status, 'stdout': out.getvalue(), 'stderr': err})
print(json.dumps(results))
`;

/** Runs several script files in one Python process; resolves with each one's status and output. */
export function runPythonScripts(paths: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', BATCH_DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`python exited with ${status}: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin.end(JSON.stringify(paths));
  });
}

/** Runs a Python program with Debian's Python from a temporary directory, feeding it stdin (the differential tests' driver). */
export const runPython: RunPython = (program, stdin) => {
  const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-torch-'));
  try {
    const file = join(dir, 'driver.py');
    writeFileSync(file, program);
    const r = spawnSync(PYTHON, [file], { input: stdin, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
