select count(*) as "n" from "enterprise" as "e" inner join "ownership_type" as "o" on "o"."code" = "e"."ownership_code" inner join "org_unit" as "u" on "u"."id" = "e"."unit_id" left join "app_user" as "a" on "a"."id" = "e"."officer_user_id" left join "org_unit" as "g" on "g"."id" = "e"."grassroots_unit_id" where exists (select 1 from org_unit_version sv where sv.unit_id = "e"."unit_id" and ((sv.path >= $1 and sv.path < $2))) and "e"."name_folded" like $3 and "o"."non_state" = $4 and (o.non_state = 1 and e.worker_count >= $5 and e.grassroots_unit_id is null) and (case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= $6 and ev.event_date <= $7
  ) then 1 else 0 end) = $8;
-- parameters: ["/1/5/","/1/50","%cao su%",1,25,"2024-04-01","2024-10-30",0]

select "e"."id", "e"."unit_id", "u"."name" as "unit_name", "e"."mst", "e"."name", "e"."short_name", "e"."address", "e"."admin_area_code", "e"."admin_area_name", "e"."ownership_code", "e"."industry", "e"."officer_user_id", "a"."full_name" as "officer_name", "e"."grassroots_unit_id", "g"."name" as "grassroots_unit_name", "e"."worker_count", "e"."female_count", "e"."member_count", "e"."last_survey_date", "e"."last_contact_date", "e"."duplicate_reason", "o"."non_state", (case when e.worker_count >= $1 then 1 else 0 end) as "in_scope", (case when o.non_state = 1 and e.worker_count >= $2 and e.grassroots_unit_id is null then 1 else 0 end) as "eligible", (case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= $3 and ev.event_date <= $4
  ) then 1 else 0 end) as "reached" from "enterprise" as "e" inner join "ownership_type" as "o" on "o"."code" = "e"."ownership_code" inner join "org_unit" as "u" on "u"."id" = "e"."unit_id" left join "app_user" as "a" on "a"."id" = "e"."officer_user_id" left join "org_unit" as "g" on "g"."id" = "e"."grassroots_unit_id" where exists (select 1 from org_unit_version sv where sv.unit_id = "e"."unit_id" and ((sv.path >= $5 and sv.path < $6))) and "e"."name_folded" like $7 and "o"."non_state" = $8 and (o.non_state = 1 and e.worker_count >= $9 and e.grassroots_unit_id is null) and (case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= $10 and ev.event_date <= $11
  ) then 1 else 0 end) = $12 order by (case when "e"."name_folded" is null then 0 else 1 end) asc, "e"."name_folded" asc, "e"."id" asc limit $13 offset $14;
-- parameters: [10,25,"2024-04-01","2024-10-30","/1/5/","/1/50","%cao su%",1,25,"2024-04-01","2024-10-30",0,20,0]
