import * as reviews from '../modules/reviews/reviews.service.js';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/scope.js';

/**
 * The demo's review: Phú Riềng's report on the first six months of Plan 8/KH-LĐLĐ, with its meeting and a
 * difficulty written, frozen, sent to the province and acknowledged — so the plan page, the province's
 * reports received and `npm run cli -- document review <id>` show a finished report from the start.
 */
export async function loadDemoReviews(ctx: AppContext, actor: Actor, idOf: (code: string) => Promise<number>) {
  const plan = await ctx.db
    .selectFrom('plan')
    .select('id')
    .where('unit_id', '=', await idOf('PHURIENG'))
    .where('number', '=', '8')
    .executeTakeFirstOrThrow();
  const review = await reviews.create(ctx, actor, plan.id, { kind: 'half', year: 2024, part: 1 });
  await reviews.update(ctx, actor, review.id, {
    number: '41/BC-LĐLĐ',
    reportDate: '2024-07-08',
    meeting: {
      date: '2024-07-05',
      place: 'Hội trường LĐLĐ huyện Phú Riềng',
      chair: 'Lê Văn Hùng, Chủ tịch LĐLĐ huyện',
      attendees: [
        { name: 'Nguyễn Thị Hạnh', role: 'Phó Trưởng Ban Dân vận Huyện ủy' },
        { name: 'Trần Quốc Bảo', role: 'Phó Chủ tịch UBND huyện' },
      ],
    },
    sections: {
      difficulties:
        '- Một số doanh nghiệp ngoài nhà nước chưa phối hợp, người sử dụng lao động còn e ngại việc thành lập công đoàn.\n' +
        '- Lao động phi chính thức phân tán, khó tập hợp; mới kết nạp {T3.1.actual} người.',
      lessons: '- Phối hợp với UBND xã và Ban Dân vận trong tuyên truyền, vận động tại doanh nghiệp.',
      proposals: '- Đề nghị LĐLĐ tỉnh hỗ trợ tài liệu tuyên truyền cho lao động phi chính thức.',
    },
  });
  await reviews.freeze(ctx, actor, review.id);
  await reviews.submit(ctx, actor, review.id, await idOf('BINHPHUOC'));
  await reviews.decide(ctx, actor, review.id, 'acknowledge');
}
