select count(*) as "n" from "audit_log" as "a" where "a"."unit_id" is not null and exists (select 1 from org_unit_version sv where sv.unit_id = "a"."unit_id" and ((sv.path >= $1 and sv.path < $2)));
-- parameters: ["/1/5/","/1/50"]

select "a"."id", "a"."at", "u"."username", "u"."full_name" as "user_full_name", "a"."action", "a"."entity", "a"."entity_id", "a"."unit_id", "o"."name" as "unit_name", "a"."before_json", "a"."after_json" from "audit_log" as "a" left join "app_user" as "u" on "u"."id" = "a"."user_id" left join "org_unit" as "o" on "o"."id" = "a"."unit_id" where "a"."unit_id" is not null and exists (select 1 from org_unit_version sv where sv.unit_id = "a"."unit_id" and ((sv.path >= $1 and sv.path < $2))) order by "a"."id" desc limit $3 offset $4;
-- parameters: ["/1/5/","/1/50",50,0]
