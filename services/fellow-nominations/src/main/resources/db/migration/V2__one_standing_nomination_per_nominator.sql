-- A staff merge of two nominees that one nominator had both nominated keeps one endorsement: the
-- earlier nomination stands, the later is kept (its text and references) superseded by it.
alter table nomination add column superseded_by uuid references nomination (id);

-- merges made before this moved both nominations onto one nominee: supersede the later ones
with ranked as (
    select id,
           first_value(id) over (partition by nominee_id, nominator_account order by submitted_at, id) as standing
    from nomination)
update nomination n
   set superseded_by = ranked.standing
  from ranked
 where n.id = ranked.id and ranked.standing <> n.id;

create unique index nomination_one_standing_per_nominator on nomination (nominee_id, nominator_account)
  where superseded_by is null;
