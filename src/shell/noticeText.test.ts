import { describe, expect, it } from 'vitest';
import { bindNotice } from '../datasets/bindNotice';
import { refusal } from './openDocument';
import { noticeText } from './noticeText';
import { msg } from '../i18n/words';

describe('noticeText', () => {
  it('words the same stored notice in the language it is shown in, so a switch of language rewords an open notice', () => {
    const notice = bindNotice('line', [
      { id: 'height', role: 'feature', columns: ['x'], created: false },
      { id: 'Y', role: 'target', columns: ['y', 'z'], created: true },
    ]);
    expect(noticeText('en', notice).text).toBe('Bound “line” to the graph’s input nodes: height ← x. Created input node Y (2 columns); wire it into the graph.');
    expect(noticeText('ja', notice).text).toBe('「line」をグラフの入力ノードに結び付けました: height ← x。 入力ノード Y (2 列) を作りました。計算グラフにつないでください。');
  });

  it('words a file’s findings from their reasons in either language, and literal detail lines as they are', () => {
    const notice = refusal(msg('shell.notice.badFile', { name: 'wip.json' }), [{ path: 'nodes[0]', message: 'square.x is not connected', reason: 'missing_input', params: { node: 'square', port: 'x' } }]);
    expect(noticeText('en', notice)).toEqual({ kind: 'error', text: 'wip.json could not be opened; the open graph is unchanged:', details: ['nodes[0]: square.x is not connected'] });
    const ja = noticeText('ja', notice);
    expect(ja.text).toBe('wip.json を開けませんでした。開いているグラフは変更されていません：');
    expect(ja.details?.[0]).toMatch(/^「nodes\[0\]」：/);
    expect(ja.details?.[0]).not.toContain('is not connected');
  });

  it('a notice without details has none when worded', () => {
    expect(noticeText('ja', { kind: 'info', text: msg('shell.notice.sharedOpened') })).toEqual({ kind: 'info', text: expect.not.stringMatching(/[A-Za-z]{4}/) });
  });
});
