select count(*) as "all", sum("m"."informal") as "informal", sum("m"."foreign") as "foreign", sum(case when p.gender = 'female' then 1 else 0 end) as "female" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" where "m"."unit_id" in (select sv.unit_id from org_unit_version sv where (sv.path >= $1 and sv.path < $2)) and "m"."transferred_from_id" is null and "m"."admitted_on" >= $3 and "m"."admitted_on" <= $4;
-- parameters: ["/1/5/","/1/50","2024-04-01","2024-10-30"]

select count(*) as "n" from "membership" as "m" where "m"."unit_id" in (select sv.unit_id from org_unit_version sv where (sv.path >= $1 and sv.path < $2)) and "m"."status" in ($3, $4) and "m"."ended_on" >= $5 and "m"."ended_on" <= $6;
-- parameters: ["/1/5/","/1/50","left","expelled","2024-04-01","2024-10-30"]

select count(*) as "n" from "membership" as "m" inner join "membership" as "src" on "src"."id" = "m"."transferred_from_id" where "m"."transferred_from_id" > $1 and "m"."started_on" >= $2 and "m"."started_on" <= $3 and exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $4 and sv.path < $5))) and not exists (select 1 from org_unit_version sv where sv.unit_id = "src"."unit_id" and ((sv.path >= $6 and sv.path < $7)));
-- parameters: [0,"2024-04-01","2024-10-30","/1/5/","/1/50","/1/5/","/1/50"]

select count(*) as "n" from "membership" as "dst" inner join "membership" as "m" on "m"."id" = "dst"."transferred_from_id" where "dst"."transferred_from_id" > $1 and "m"."status" = $2 and m.ended_on || '' >= $3 and m.ended_on || '' <= $4 and exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $5 and sv.path < $6))) and not exists (select 1 from org_unit_version sv where sv.unit_id = "dst"."unit_id" and ((sv.path >= $7 and sv.path < $8)));
-- parameters: [0,"transferred","2024-04-01","2024-10-30","/1/5/","/1/50","/1/5/","/1/50"]

select count(*) as "n" from "party_introduction" as "pi" where "pi"."unit_id" in (select sv.unit_id from org_unit_version sv where (sv.path >= $1 and sv.path < $2)) and "pi"."introduced_on" >= $3 and "pi"."introduced_on" <= $4;
-- parameters: ["/1/5/","/1/50","2024-04-01","2024-10-30"]

select count(*) as "n" from "membership" as "m" where "m"."unit_id" in (select sv.unit_id from org_unit_version sv where (sv.path >= $1 and sv.path < $2)) and "m"."started_on" <= $3 and ("m"."ended_on" is null or "m"."ended_on" > $4);
-- parameters: ["/1/5/","/1/50","2024-10-30","2024-10-30"]
