select count(*) as n from (select 1 from membership m
    where m.unit_id in (select sv.unit_id from org_unit_version sv where (sv.path >= $1 and sv.path < $2))
    limit $3) x;
-- parameters: ["/1/5/","/1/50",10001]

select count(*) as n from (select 1 from person_name_tail t
    where t.tail >= $1 and t.tail < $2 limit $3) x;
-- parameters: ["nguyen thi lan","nguyen thi lao",1]

with "hits" as materialized (select "m"."id", "m"."person_id", "p"."full_name", "p"."birth_date", "p"."gender", "p"."cccd_masked", "p"."cccd_kind", "p"."phone", "p"."nationality", "m"."unit_id", "u"."name" as "unit_name", "m"."status", "m"."informal", "m"."foreign", "m"."admitted_on", "m"."decision_no", "m"."started_on", "m"."card_no", "m"."card_issued_on", "m"."ended_on", "m"."transferred_from_id", "p"."employer_enterprise_id", "e"."name" as "employer_name", "p"."informal_trade_code", "p"."sort_key" as "sk" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" left join "org_unit" as "u" on "u"."id" = "m"."unit_id" left join "enterprise" as "e" on "e"."id" = "p"."employer_enterprise_id" where exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $1 and sv.path < $2))) and (p.full_name_folded like $3 or p.full_name_folded like $4) and "m"."status" = $5 limit $6) select *, (select count(*) as "n" from "hits") as "hits_n" from "hits" order by "sk", "person_id", "id" limit $7 offset $8;
-- parameters: ["/1/5/","/1/50","nguyen thi lan%","% nguyen thi lan%","active",10001,50,0]

select count(*) as "n" from (select 1 as "one" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" left join "org_unit" as "u" on "u"."id" = "m"."unit_id" left join "enterprise" as "e" on "e"."id" = "p"."employer_enterprise_id" where exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $1 and sv.path < $2))) and (p.full_name_folded like $3 or p.full_name_folded like $4) and "m"."status" = $5 limit $6) as "x";
-- parameters: ["/1/5/","/1/50","nguyen thi lan%","% nguyen thi lan%","active",10001]

with "hits" as materialized (select "m"."id", "m"."person_id", "p"."full_name", "p"."birth_date", "p"."gender", "p"."cccd_masked", "p"."cccd_kind", "p"."phone", "p"."nationality", "m"."unit_id", "u"."name" as "unit_name", "m"."status", "m"."informal", "m"."foreign", "m"."admitted_on", "m"."decision_no", "m"."started_on", "m"."card_no", "m"."card_issued_on", "m"."ended_on", "m"."transferred_from_id", "p"."employer_enterprise_id", "e"."name" as "employer_name", "p"."informal_trade_code", "p"."sort_key" as "sk" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" left join "org_unit" as "u" on "u"."id" = "m"."unit_id" left join "enterprise" as "e" on "e"."id" = "p"."employer_enterprise_id" where exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $1 and sv.path < $2))) and (p.full_name_folded like $3 or p.full_name_folded like $4) and "m"."status" = $5) select *, (select count(*) as "n" from "hits") as "hits_n" from "hits" order by "sk", "person_id", "id" limit $6 offset $7;
-- parameters: ["/1/5/","/1/50","nguyen thi lan%","% nguyen thi lan%","active",50,0]
