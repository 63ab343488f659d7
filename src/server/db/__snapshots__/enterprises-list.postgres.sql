select count(*) as "n" from "enterprise" as "e" inner join "ownership_type" as "o" on "o"."code" = "e"."ownership_code" inner join "org_unit" as "u" on "u"."id" = "e"."unit_id" left join "app_user" as "a" on "a"."id" = "e"."officer_user_id" left join "org_unit" as "g" on "g"."id" = "e"."grassroots_unit_id" where exists (select 1 from org_unit_version sv where sv.unit_id = "e"."unit_id" and ((sv.path >= $1 and sv.path < $2))) and "e"."name_folded" like $3 and "o"."non_state" = $4 and (o.non_state = 1 and e.worker_count >= $5 and e.grassroots_unit_id is null) and (case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= $6 and ev.event_date <= $7
  ) then 1 else 0 end) = $8;
-- parameters: ["/1/5/","/1/50","%cao su%",1,25,"2024-04-01","2024-10-30",0]
