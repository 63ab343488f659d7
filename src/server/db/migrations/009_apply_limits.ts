import type { Kysely } from 'kysely';

/**
 * The self-application limits as dated rules, like every other threshold: a federation that sees abuse
 * (or a recruitment day with one shared Wi-Fi) changes them by a new dated row, not by a release.
 */
const SINCE = '2000-01-01';
const RULES = [
  ['apply.per_ip_per_hour', '5', 'Đơn tự đăng ký được nhận từ một địa chỉ mạng trong 1 giờ'],
  ['apply.attempts_per_ip_per_hour', '30', 'Lần gửi (kể cả bị trả lại vì lỗi) từ một địa chỉ mạng trong 1 giờ'],
  ['apply.per_link_per_day', '300', 'Đơn được nhận qua một đường link trong 24 giờ'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('rule_setting')
    .values(RULES.map(([key, value, note]) => ({ key, value, valid_from: SINCE, valid_to: null, note })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('rule_setting')
    .where(
      'key',
      'in',
      RULES.map(([key]) => key),
    )
    .execute();
}
