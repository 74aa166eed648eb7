import { describe, expect, it } from 'vitest';
import { isEditableTarget, shortcutFor } from './shortcuts';

const chord = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('shortcutFor(Ctrl+C/V/D) is copy, paste, duplicate; Cmd works the same', () => {
    expect(shortcutFor(chord('c', { ctrlKey: true }))).toBe('copy');
    expect(shortcutFor(chord('v', { metaKey: true }))).toBe('paste');
    expect(shortcutFor(chord('d', { ctrlKey: true }))).toBe('duplicate');
  });
  it('shortcutFor(Ctrl+Z) is undo; Shift+Ctrl+Z and Ctrl+Y are redo', () => {
    expect(shortcutFor(chord('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(chord('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(chord('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(chord('y', { ctrlKey: true }))).toBe('redo');
  });
  it('shortcutFor of a plain key, an Alt chord or Shift+Ctrl+C is nothing', () => {
    expect(shortcutFor(chord('z'))).toBeNull();
    expect(shortcutFor(chord('c', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(chord('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(chord('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(chord('x', { ctrlKey: true }))).toBeNull();
  });
});

describe('isEditableTarget', () => {
  it('isEditableTarget is true in input, textarea, select and contenteditable', () => {
    expect(isEditableTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'textarea' })).toBe(true);
    expect(isEditableTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditableTarget({ tagName: 'DIV', getAttribute: (n) => (n === 'role' ? 'textbox' : null) })).toBe(true);
  });
  it('isEditableTarget is false on a button, a node, the body or nothing', () => {
    expect(isEditableTarget({ tagName: 'BUTTON', getAttribute: () => null })).toBe(false);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: false, getAttribute: () => 'group' })).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});
