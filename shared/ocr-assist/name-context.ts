import { SURNAMES } from '../entities/suggest/han';

/// Titles news writes right after a person's name (汤局长, 王主任, 李先生).
const TITLES = [
  '局长', '市长', '县长', '区长', '镇长', '乡长', '村长', '省长', '部长', '厅长', '处长', '科长', '股长', '所长', '院长',
  '校长', '站长', '队长', '社长', '馆长', '行长', '厂长', '主任', '书记', '主席', '总理', '委员', '经理', '董事长',
  '先生', '女士', '小姐', '同志', '老师', '教授', '师傅', '大使', '总统', '议员', '医生', '大夫', '老汉', '大爷', '大妈',
  '阿姨',
];
const TITLE_SET = new Set(TITLES);

/// True when the character at `index` is part of a person's name followed by a title: a surname right before a
/// title (汤局长), or a character of a two- or three-character name that begins with a surname and ends right
/// before a title (王大明主任). A name's characters follow no dictionary, so a look-alike that makes a common
/// word of them (汤局 → 场局) is no reason to change them.
export function inNameBeforeTitle(chars: readonly string[], index: number): boolean {
  for (let start = index - 2; start <= index; start++) {
    if (start < 0 || !SURNAMES.has(chars[start]!)) continue;
    for (let end = index + 1; end <= start + 3; end++) {
      if (titleAt(chars, end)) return true;
    }
  }
  return false;
}

function titleAt(chars: readonly string[], at: number): boolean {
  for (let length = 2; length <= 3; length++) {
    if (at + length <= chars.length && TITLE_SET.has(chars.slice(at, at + length).join(''))) return true;
  }
  return false;
}
