import type { TPlanCreate } from '../../shared/plans/contract.js';

/**
 * The text of Phú Riềng's Plan 8/KH-LĐLĐ of 15/04/2024 (shared/domain/plan-8-KH-LDLD-2024.vi.txt), section by
 * section, with the original's typing slips corrected ("họa động", "hình hình", "Phân đấu"). One paragraph a
 * line; "1. …" lines are the sub-headings the document prints in bold (documents.plan.ts).
 */
export const SEED_SECTIONS: TPlanCreate['sections'] = {
  preamble:
    'Ban Thường vụ Liên đoàn Lao động huyện Phú Riềng xây dựng kế hoạch phát triển đoàn viên, thành lập Công đoàn cơ sở trên địa bàn huyện Phú Riềng năm 2024 như sau:',
  purpose: [
    '- Nâng cao nhận thức, trách nhiệm của tổ chức công đoàn; triển khai thực hiện có hiệu quả Nghị quyết Đại hội lần thứ II về phát triển đoàn viên, thành lập CĐCS, Nghị quyết Đại hội XI Công đoàn tỉnh và Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về đổi mới tổ chức và hoạt động Công đoàn trong tình hình mới; tạo tiền đề quan trọng để đạt chỉ tiêu cuối nhiệm kỳ 2023 - 2028 về phát triển đoàn viên, thành lập Công đoàn cơ sở.',
    '- Tập hợp tất cả người lao động đang làm việc trong các đơn vị sử dụng lao động và người lao động tự do trên địa bàn huyện vào tổ chức Công đoàn để Công đoàn chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động, góp phần xây dựng mối quan hệ lao động hài hòa, ổn định, tiến bộ trong doanh nghiệp.',
  ].join('\n'),
  requirements: [
    '- Phát triển đoàn viên, thành lập công đoàn cơ sở phải gắn với nâng cao chất lượng, hiệu quả hoạt động của CĐCS; đa dạng hóa cách thức, phương pháp tuyên truyền, vận động, tập hợp người lao động tham gia tổ chức Công đoàn Việt Nam, đáp ứng nhu cầu và nguyện vọng chính đáng của người lao động.',
    '- Xác định nhiệm vụ phát triển đoàn viên, thành lập công đoàn cơ sở là nhiệm vụ trọng tâm, chiến lược trong tình hình hiện nay; phối hợp với các tổ chức, đoàn thể trên địa bàn xây dựng lực lượng nòng cốt, duy trì hoạt động, phát triển lực lượng, từ đó xây dựng tổ chức công đoàn trong các doanh nghiệp ngoài khu vực Nhà nước hoạt động có hiệu quả.',
  ].join('\n'),
  schedule:
    '- Địa điểm khảo sát: tất cả các doanh nghiệp có từ 10 lao động trở lên trên địa bàn huyện (có danh sách kèm theo).',
  tasks: [
    '1. Về công tác lãnh đạo, chỉ đạo, phối hợp',
    '- Định kỳ hằng quý, 6 tháng, năm tổ chức giao ban, kiểm tra, giám sát, đánh giá tình hình thực hiện, nắm bắt khó khăn, vướng mắc, cách làm hay, hiệu quả trong công tác phát triển đoàn viên, thành lập CĐCS để kịp thời chỉ đạo, xử lý, nhằm nâng cao hiệu quả ở đơn vị.',
    '- Tham mưu thành lập Ban chỉ đạo, tổ công tác phát triển đoàn viên và thành lập công đoàn cơ sở, trong đó mời cấp ủy, cơ quan nhà nước về lao động, BHXH, Thuế… tham gia; làm tốt công tác khảo sát, thống kê tình hình doanh nghiệp, lao động trên địa bàn; chủ động tham mưu, xây dựng kế hoạch phù hợp với thực tế để triển khai thực hiện.',
    '- Tăng cường trách nhiệm đối với cán bộ được phân công làm công tác phát triển đoàn viên, thành lập CĐCS, gắn với chế độ bồi dưỡng, tuyên dương, khen thưởng; quan tâm bồi dưỡng kiến thức, kỹ năng nghiệp vụ cho đội ngũ cán bộ làm công tác này.',
    '2. Đổi mới công tác tuyên truyền, vận động, phương pháp tập hợp, phát triển đoàn viên, thành lập CĐCS',
    '- Tập trung nghiên cứu, xây dựng các giải pháp, sáng kiến đổi mới, đa dạng các hình thức tuyên truyền, vận động, cách thức tiếp cận người lao động, người sử dụng lao động để phát triển đoàn viên, thành lập CĐCS.',
    '- Vận dụng linh hoạt quy định của Điều lệ Công đoàn Việt Nam để thực hiện quy trình phát triển đoàn viên, thành lập CĐCS cho phù hợp và theo hướng do người lao động quyết định.',
    '3. Nâng cao chất lượng hoạt động của công đoàn cơ sở, góp phần tập hợp đông đảo người lao động tham gia công đoàn',
    '- Tập trung vào các hoạt động chăm lo lợi ích, chương trình phúc lợi cho đoàn viên; phát huy vai trò đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động.',
    '- Đổi mới cách thức thương lượng tập thể trong doanh nghiệp, huy động sự tham gia thực chất, tích cực của người lao động và của công đoàn cấp trên.',
    '- Thực hiện tốt công tác thu kinh phí, đoàn phí công đoàn, dành nguồn kinh phí chăm lo tốt cho đoàn viên, để người lao động chưa là đoàn viên so sánh, lựa chọn tham gia Công đoàn.',
    '- Chú trọng bồi dưỡng, phát hiện, giới thiệu đoàn viên ưu tú cho Đảng xem xét, bồi dưỡng, kết nạp.',
    '4. Dành nguồn kinh phí thỏa đáng cho công tác phát triển đoàn viên, thành lập công đoàn cơ sở',
    '- Các cấp công đoàn tham mưu dành nguồn tài chính công đoàn thỏa đáng, đồng thời chủ động đề xuất với chính quyền, chuyên môn hỗ trợ kinh phí chi cho công tác phát triển đoàn viên, thành lập CĐCS.',
    '5. Tăng cường kỷ cương, kỷ luật, khen thưởng',
    '- Căn cứ vào kết quả thực hiện nhiệm vụ hằng năm, LĐLĐ huyện có hình thức biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong công tác phát triển đoàn viên, thành lập CĐCS.',
    '- Đối với những cá nhân không chấp hành quy định, không hoàn thành các chỉ tiêu, nhiệm vụ được giao, thiếu trách nhiệm trong công tác tham mưu, chỉ đạo, tổ chức triển khai thực hiện, tùy theo mức độ có các hình thức kiểm điểm, phê bình, xử lý kỷ luật theo quy định.',
  ].join('\n'),
  organisation: [
    '- Cán bộ phụ trách công tác phát triển đoàn viên, thành lập CĐCS: chủ động tham mưu xây dựng kế hoạch và thành lập Ban chỉ đạo, tổ công tác phát triển đoàn viên, thành lập CĐCS; chủ động khảo sát, nắm chắc tình hình doanh nghiệp trên địa bàn, tham mưu cho Ban chỉ đạo đến từng doanh nghiệp để tuyên truyền, vận động phát triển đoàn viên, thành lập CĐCS đạt chỉ tiêu kế hoạch đề ra năm 2024.',
    '- Cán bộ phụ trách tài chính: chủ động tham mưu kinh phí, định mức chi cho công tác phát triển đoàn viên, thành lập CĐCS theo đúng quy định.',
    '- Đội ngũ cán bộ Công đoàn cơ sở: tuyên truyền bằng nhiều hình thức để người lao động hiểu về tổ chức công đoàn và lợi ích hợp pháp, chính đáng của việc tham gia tổ chức công đoàn, phát triển đoàn viên.',
    '- Đề xuất biểu dương, khen thưởng các cá nhân, tập thể hoàn thành tốt nhiệm vụ trong công tác phát triển đoàn viên, thành lập CĐCS.',
  ].join('\n'),
  closing:
    'Trên đây là kế hoạch phát triển đoàn viên, thành lập Công đoàn cơ sở trên địa bàn huyện Phú Riềng năm 2024. Đề nghị các cấp Công đoàn trong huyện và cán bộ phụ trách các lĩnh vực được phân công triển khai thực hiện có hiệu quả./.',
};

/**
 * Phú Riềng's document header until the 2025 reorganisation ended the district federations: the short forms
 * its documents print. From 01/07/2025 no row: the header is derived from the tree.
 */
export const PHURIENG_HEADER = {
  valid_from: '2016-01-01',
  valid_to: '2025-07-01',
  superior_text: 'LĐLĐ TỈNH BÌNH PHƯỚC',
  issuer_text: 'LĐLĐ HUYỆN PHÚ RIỀNG',
  national_text: null,
  motto_text: null,
  signer_authority: 'TM. BAN THƯỜNG VỤ',
  signer_position: 'CHỦ TỊCH',
  recipients: null,
} as const;
