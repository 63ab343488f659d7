select count(*) as "n" from "app_user" as "u" where exists (select "r"."id" from "user_role" as "r" where "r"."user_id" = "u"."id" and exists (select 1 from org_unit_version sv where sv.unit_id = "r"."unit_id" and ((sv.path >= ? and sv.path < ?)))) and ("u"."full_name_folded" like ? or "u"."username" like ?);
-- parameters: ["/1/5/","/1/50","%nguyen%","%nguyen%"]

select "u".* from "app_user" as "u" where exists (select "r"."id" from "user_role" as "r" where "r"."user_id" = "u"."id" and exists (select 1 from org_unit_version sv where sv.unit_id = "r"."unit_id" and ((sv.path >= ? and sv.path < ?)))) and ("u"."full_name_folded" like ? or "u"."username" like ?) order by "u"."username" limit ? offset ?;
-- parameters: ["/1/5/","/1/50","%nguyen%","%nguyen%",50,0]
