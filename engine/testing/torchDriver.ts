/**
 * The Python program that replays every graph in PyTorch (in the spec's dtype, float64 unless it says float32). It reads a TorchSpec as JSON
 * on stdin, runs each graph's code (built from the ops' `torch()` expressions) with retain_grad on
 * every non-leaf, runs each training case with torch.optim, and prints TorchResults as JSON.
 */
export const TORCH_DRIVER = String.raw`
import json, math, sys, traceback
import torch

torch.set_num_threads(1)


def enc(v):
    if math.isfinite(v):
        return '-0.0' if v == 0 and math.copysign(1, v) < 0 else v
    return 'nan' if v != v else ('inf' if v > 0 else '-inf')


def flat(t):
    return [enc(float(v)) for v in t.detach().reshape(-1).tolist()]


def leaves(case):
    out = {}
    for leaf in case['leaves']:
        data = [float(v) for v in leaf['data']]  # 'nan', 'inf', '-inf', '-0.0' arrive as strings
        t = torch.tensor(data).reshape(leaf['shape'])
        out[leaf['var']] = t.requires_grad_(leaf['grad'])
    return out


def run(code, tensors):
    ns = {'torch': torch}
    ns.update(tensors)
    exec(code, ns)
    return ns


def graph(case):
    ns = run(compile(case['code'], case['name'], 'exec'), leaves(case))
    for v in case['report']:
        if ns[v].requires_grad and not ns[v].is_leaf:
            ns[v].retain_grad()
    ns[case['loss']].backward()
    out = {}
    for v in case['report']:
        t = ns[v]
        out[v] = {
            'shape': list(t.shape),
            'value': flat(t),
            'requiresGrad': t.requires_grad,
            'grad': None if t.grad is None else flat(t.grad),
            'gradFn': None if t.grad_fn is None else type(t.grad_fn).__name__,
        }
    return {'tensors': out}


OPTIMIZERS = {'SGD': torch.optim.SGD, 'Adam': torch.optim.Adam}


def training(case):
    tensors = leaves(case)
    params = [tensors[v] for v in case['trainable']]
    kwargs = dict(case['kwargs'])
    if 'betas' in kwargs:
        kwargs['betas'] = tuple(kwargs['betas'])
    opt = OPTIMIZERS[case['optimizer']](params, **kwargs)
    code = compile(case['code'], case['name'], 'exec')
    losses, snapshots = [], []
    for _ in range(case['steps']):
        opt.zero_grad()
        loss = run(code, tensors)[case['loss']]
        losses.append(enc(loss.item()))
        loss.backward()
        opt.step()
        snapshots.append({v: flat(tensors[v]) for v in case['trainable']})
    return {'losses': losses, 'params': snapshots}


def guarded(fn, case):
    try:
        return fn(case)
    except Exception:
        return {'error': traceback.format_exc()}


spec = json.load(sys.stdin)
torch.set_default_dtype(getattr(torch, spec.get('dtype', 'float64')))
json.dump({
    'torch': torch.__version__,
    'graphs': [guarded(graph, c) for c in spec['graphs']],
    'trainings': [guarded(training, c) for c in spec['trainings']],
}, sys.stdout)
`;
