select count(*) as "n" from "membership" as "m" inner join "membership" as "src" on "src"."id" = "m"."transferred_from_id" where "m"."transferred_from_id" > $1 and "m"."started_on" >= $2 and "m"."started_on" <= $3 and exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $4 and sv.path < $5))) and not exists (select 1 from org_unit_version sv where sv.unit_id = "src"."unit_id" and ((sv.path >= $6 and sv.path < $7)));
-- parameters: [0,"2024-04-01","2024-10-30","/1/5/","/1/50","/1/5/","/1/50"]

select count(*) as "n" from "membership" as "dst" inner join "membership" as "m" on "m"."id" = "dst"."transferred_from_id" where "dst"."transferred_from_id" > $1 and "m"."status" = $2 and m.ended_on || '' >= $3 and m.ended_on || '' <= $4 and exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $5 and sv.path < $6))) and not exists (select 1 from org_unit_version sv where sv.unit_id = "dst"."unit_id" and ((sv.path >= $7 and sv.path < $8)));
-- parameters: [0,"transferred","2024-04-01","2024-10-30","/1/5/","/1/50","/1/5/","/1/50"]

with r as (select * from unnest(cast($1 as integer[]),
              cast($2 as integer[]), cast($3 as integer[]),
              cast($4 as text[]), cast($5 as text[])) as r (i, unit_id, g, lo, hi)),
            kg as (select * from unnest(cast($6 as integer[]), cast($7 as text[])) as kg (g, k))
          select r.i as i, sum(d.value) as n from r inner join kg on kg.g = r.g
            inner join metric_day d on d.unit_id = r.unit_id and d.key = kg.k and d.day >= r.lo and d.day <= r.hi
          group by r.i;
-- parameters: [[0,0,1,1,2,2,3,3,4,4,5,5,6,6,6],[5,5,5,5,5,5,5,5,5,5,5,5,5,5,5],[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14],["2024-04-01","2024-10-01","2024-04-01","2024-10-01","2024-04-01","2024-10-01","2024-04-01","2024-10-01","2024-04-01","2024-10-01","2024-04-01","2024-10-01","0000-00-00","2024-01-01","2024-10-01"],["2024-09-01","2024-10-30","2024-09-01","2024-10-30","2024-09-01","2024-10-30","2024-09-01","2024-10-30","2024-09-01","2024-10-30","2024-09-01","2024-10-30","2023-01-01","2024-09-01","2024-10-30"],[0,1,2,2,2,2,3,3,3,3,4,4,4,4,5,5,5,5,6,6,6,6,7,7,7,7,8,9,10,11,12,13,14],["M/adm:***","adm:***","M/adm:100","M/adm:101","M/adm:110","M/adm:111","adm:100","adm:101","adm:110","adm:111","M/adm:010","M/adm:011","M/adm:110","M/adm:111","adm:010","adm:011","adm:110","adm:111","M/adm:001","M/adm:011","M/adm:101","M/adm:111","adm:001","adm:011","adm:101","adm:111","M/left:***","left:***","M/pin","pin","Y/stk:***","M/stk:***","stk:***"]]
