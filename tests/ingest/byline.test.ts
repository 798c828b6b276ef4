import { describe, expect, it } from 'vitest';
import { parseByline } from '../../scripts/ingest/parse/byline.ts';

describe('parseByline', () => {
  it.each([
    ['■本报记者 胡亚华', [{ name: '胡亚华', role: '记者' }]],
    ['□ 本报记者 王晓辉', [{ name: '王晓辉', role: '记者' }]],
    [
      '■衡阳日报全媒体记者 邓小山 通讯员 廖承雄',
      [
        { name: '邓小山', role: '全媒体记者' },
        { name: '廖承雄', role: '通讯员' },
      ],
    ],
    [
      '□ 章焱平 周 健',
      [
        { name: '章焱平', role: '作者' },
        { name: '周健', role: '作者' },
      ],
    ],
    [
      '衡阳日报讯（通讯员 旷鑫靓 陈怡美 见习记者 申忠文）',
      [
        { name: '旷鑫靓', role: '通讯员' },
        { name: '陈怡美', role: '通讯员' },
        { name: '申忠文', role: '见习记者' },
      ],
    ],
    [
      '衡阳日报讯（文/图 全媒体记者 姚永军 通讯员 廖锐）',
      [
        { name: '姚永军', role: '全媒体记者' },
        { name: '廖锐', role: '通讯员' },
      ],
    ],
    ['（通讯员 肖春芳）', [{ name: '肖春芳', role: '通讯员' }]],
    ['■全媒体记者 周围 摄', [{ name: '周围', role: '摄影' }]],
    ['■李西 摄', [{ name: '李西', role: '摄影' }]],
    [
      '本报记者王晓辉 实习生 李 西',
      [
        { name: '王晓辉', role: '记者' },
        { name: '李西', role: '作者' },
      ],
    ],
  ])('%s', (byline, authors) => {
    expect(parseByline(byline)).toEqual(authors);
  });

  it('finds no one in a bare dateline', () => {
    expect(parseByline('本报讯')).toEqual([]);
  });
});
