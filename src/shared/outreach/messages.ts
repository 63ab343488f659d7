import { countMessages } from '../enterprises/messages.js';
import { defineMessages, type Message } from '../i18n/messages.js';

/** Outreach counts name only these two faults; a non-number or a huge one gets zod's own message. */
const wholeAndNotNegative = (field: Message) => {
  const { notInteger, negative } = countMessages(field);
  return { notInteger, negative };
};

export const workersReachedMessages = defineMessages(
  'outreach.workersReached',
  wholeAndNotNegative({ vi: 'Số người lao động được tuyên truyền', en: 'The number of workers reached' }),
);
export const employerRepsMessages = defineMessages(
  'outreach.employerReps',
  wholeAndNotNegative({ vi: 'Số đại diện người sử dụng lao động', en: 'The number of employer representatives' }),
);
export const costMessages = defineMessages('outreach.cost', wholeAndNotNegative({ vi: 'Kinh phí', en: 'The cost' }));

/** What the server says about outreach events. */
export const outreachMessages = defineMessages('outreach', {
  topicsRequired: { vi: 'Chọn ít nhất một nội dung tuyên truyền', en: 'Choose at least one topic' },
  formUnknown: { vi: 'Hình thức "{code}" không có trong danh mục', en: 'Form "{code}" is not in the list' },
  topicUnknown: { vi: 'Nội dung "{code}" không có trong danh mục', en: 'Topic "{code}" is not in the list' },
});
