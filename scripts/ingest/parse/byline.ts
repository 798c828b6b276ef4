/**
 * Reads the people out of a byline as printed: `■本报记者 胡亚华`,
 * `□ 章焱平 周 健`, `衡阳日报讯（全媒体记者 X 通讯员 Y Z）`, `（通讯员 X）`,
 * `■全媒体记者 周围 摄`.
 */
import type { Author, AuthorRole } from '../../../src/schemas/articleContract.ts';

/** Role labels as printed, longest first, and the role each files under. */
const ROLE_LABELS: [label: string, role: AuthorRole][] = [
  ['全媒体记者', '全媒体记者'],
  ['见习记者', '见习记者'],
  ['特约记者', '记者'],
  ['首席记者', '记者'],
  ['摄影记者', '摄影'],
  ['记者', '记者'],
  ['通讯员', '通讯员'],
  ['摄影', '摄影'],
  ['实习生', '作者'],
  ['作者', '作者'],
  // A reader's letter is signed `读者 王建国`: the reader wrote it.
  ['读者', '作者'],
];

const PUBLISHER_PREFIX = /^(?:本报|衡阳日报)/u;
const NAME = /^[\u4e00-\u9fff·]{1,5}$/u;

export function parseByline(byline: string): Author[] {
  let text = byline
    .trim()
    .replace(/^[■□◆◇●]\s*/u, '')
    .replace(/^(?:衡阳日报讯|衡阳日报消息|本报讯|本报消息)/u, '')
    .replace(/^[（(]|[）)]$/gu, '')
    // `文/图` (words and pictures by) precedes the role label; the label says the role. `文/X` is by its writer.
    .replace(/^(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s*/u, '')
    .replace(/^文\s*[/／]\s*/u, '');
  const photo = /\s摄(?:影)?$|^[^\s]{1,5}\s*摄$/u.test(text);
  if (photo) text = text.replace(/\s*摄(?:影)?$/u, '');

  const tokens = text.split(/[\s\u3000、，,]+/u).filter(Boolean);
  const authors: Author[] = [];
  let role: AuthorRole = '作者';
  let pendingSingle: string | undefined;
  const flushSingle = () => {
    if (pendingSingle) authors.push({ name: pendingSingle, role: photo ? '摄影' : role });
    pendingSingle = undefined;
  };
  for (const raw of tokens) {
    let token = raw.replace(PUBLISHER_PREFIX, '');
    // A place before 读者 (`衡南县读者`) says where the reader lives, not who it is.
    if (/^[\u4e00-\u9fff]{2,6}读者$/u.test(token)) token = '读者';
    const label = ROLE_LABELS.find(([l]) => token.startsWith(l));
    if (label) {
      flushSingle();
      role = label[1];
      token = token.slice(label[0].length);
      if (token === '') continue;
    }
    if (!NAME.test(token)) continue;
    // Two-character names are typeset with a space to fill three cells: `周 健`.
    if (token.length === 1) {
      if (pendingSingle) {
        authors.push({ name: pendingSingle + token, role: photo ? '摄影' : role });
        pendingSingle = undefined;
      } else {
        pendingSingle = token;
      }
      continue;
    }
    flushSingle();
    authors.push({ name: token, role: photo ? '摄影' : role });
  }
  flushSingle();
  return dedupe(authors);
}

function dedupe(authors: Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((a) => {
    const key = `${a.name}/${a.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
