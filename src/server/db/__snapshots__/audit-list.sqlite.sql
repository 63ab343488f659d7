select count(*) as "n" from "audit_log" as "a" where "a"."unit_id" is not null and exists (select 1 from org_unit_version sv where sv.unit_id = "a"."unit_id" and ((sv.path >= ? and sv.path < ?)));
-- parameters: ["/1/5/","/1/50"]
