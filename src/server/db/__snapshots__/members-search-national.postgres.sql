select max("id") as "n" from "person";

select "unit_id" from "org_unit_version" where "path" < $1 limit $2;
-- parameters: ["/1/",1]

select count(*) as n from (select 1 from person_name_tail t
    where t.tail >= $1 and t.tail < $2 limit $3) x;
-- parameters: ["nguyen van an","nguyen van ao",10001]

with "hits" as materialized (select "m"."id", "m"."person_id", "p"."full_name", "p"."birth_date", "p"."gender", "p"."cccd_masked", "p"."cccd_kind", "p"."phone", "p"."nationality", "m"."unit_id", "u"."name" as "unit_name", "m"."status", "m"."informal", "m"."foreign", "m"."admitted_on", "m"."decision_no", "m"."started_on", "m"."card_no", "m"."card_issued_on", "m"."ended_on", "m"."transferred_from_id", "p"."employer_enterprise_id", "e"."name" as "employer_name", "p"."informal_trade_code", "p"."sort_key" as "sk" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" left join "org_unit" as "u" on "u"."id" = "m"."unit_id" left join "enterprise" as "e" on "e"."id" = "p"."employer_enterprise_id" inner join "person_name_tail" as "t" on t.person_id = p.id and t.sort_key = p.sort_key and t.tail >= $1 and t.tail < $2
    and strpos(' ' || p.full_name_folded, $3) = length(p.full_name_folded) - length(t.tail) + 1 where exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $4 and sv.path < $5))) and (p.full_name_folded like $6 or p.full_name_folded like $7) limit $8) select *, (select count(*) as "n" from "hits") as "hits_n" from "hits" order by "sk", "person_id", "id" limit $9 offset $10;
-- parameters: ["nguyen van an","nguyen van ao"," nguyen van an","/1/","/10","nguyen van an%","% nguyen van an%",10001,50,0]

select count(*) as "n" from (select 1 as "one" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" left join "org_unit" as "u" on "u"."id" = "m"."unit_id" left join "enterprise" as "e" on "e"."id" = "p"."employer_enterprise_id" inner join "person_name_tail" as "t" on t.person_id = p.id and t.sort_key = p.sort_key and t.tail >= $1 and t.tail < $2
    and strpos(' ' || p.full_name_folded, $3) = length(p.full_name_folded) - length(t.tail) + 1 where exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $4 and sv.path < $5))) and (p.full_name_folded like $6 or p.full_name_folded like $7) limit $8) as "x";
-- parameters: ["nguyen van an","nguyen van ao"," nguyen van an","/1/","/10","nguyen van an%","% nguyen van an%",10001]

with "hits" as materialized (select "m"."id", "m"."person_id", "p"."full_name", "p"."birth_date", "p"."gender", "p"."cccd_masked", "p"."cccd_kind", "p"."phone", "p"."nationality", "m"."unit_id", "u"."name" as "unit_name", "m"."status", "m"."informal", "m"."foreign", "m"."admitted_on", "m"."decision_no", "m"."started_on", "m"."card_no", "m"."card_issued_on", "m"."ended_on", "m"."transferred_from_id", "p"."employer_enterprise_id", "e"."name" as "employer_name", "p"."informal_trade_code", "p"."sort_key" as "sk" from "membership" as "m" inner join "person" as "p" on "p"."id" = "m"."person_id" left join "org_unit" as "u" on "u"."id" = "m"."unit_id" left join "enterprise" as "e" on "e"."id" = "p"."employer_enterprise_id" inner join "person_name_tail" as "t" on t.person_id = p.id and t.sort_key = p.sort_key and t.tail >= $1 and t.tail < $2
    and strpos(' ' || p.full_name_folded, $3) = length(p.full_name_folded) - length(t.tail) + 1 where exists (select 1 from org_unit_version sv where sv.unit_id = "m"."unit_id" and ((sv.path >= $4 and sv.path < $5))) and (p.full_name_folded like $6 or p.full_name_folded like $7)) select *, (select count(*) as "n" from "hits") as "hits_n" from "hits" order by "sk", "person_id", "id" limit $8 offset $9;
-- parameters: ["nguyen van an","nguyen van ao"," nguyen van an","/1/","/10","nguyen van an%","% nguyen van an%",50,0]
