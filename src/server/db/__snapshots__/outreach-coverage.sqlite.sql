select "x"."commune_id", "x"."commune_now_id", count(*) as "in_scope", sum(x.hit) as "reached", sum(x.non_state) as "ns_in_scope", sum(x.non_state * x.hit) as "ns_reached", sum(x.worker_count * x.hit) as "workers" from (select "e"."commune_id", "e"."commune_now_id", "e"."worker_count", "o"."non_state", (case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= ? and ev.event_date <= ?
  ) then 1 else 0 end) as "hit" from "enterprise" as "e" inner join "ownership_type" as "o" on "o"."code" = "e"."ownership_code" where exists (select 1 from org_unit_version sv where sv.unit_id = "e"."unit_id" and ((sv.path >= ? and sv.path < ?))) and "e"."worker_count" >= ?) as "x" group by "x"."commune_id", "x"."commune_now_id";
-- parameters: ["2024-04-01","2024-10-30","/1/5/","/1/50",10]

select count(*) as "n", coalesce(sum(ev.workers_reached), 0) as "workers" from "outreach_event" as "ev" where exists (select 1 from org_unit_version sv where sv.unit_id = "ev"."unit_id" and ((sv.path >= ? and sv.path < ?))) and "ev"."event_date" >= ? and "ev"."event_date" <= ?;
-- parameters: ["/1/5/","/1/50","2024-04-01","2024-10-30"]
