-- Only for the platform's own integration test: while a row of test_refused_letter names a text that a dead letter's
-- payload contains, the database refuses to record that letter: as a full disk would (SQLSTATE 53100, passes once
-- the row is deleted), or, with for_good, with an error that no retry changes (P0001).
create table test_refused_letter (
    marker    text     primary key,
    for_good  boolean  not null default false
);

create function test_refuse_letter() returns trigger language plpgsql as $$
begin
    if exists (select 1 from test_refused_letter
               where not for_good and position(marker in coalesce(new.payload, '')) > 0) then
        raise exception 'test: dead letter refused' using errcode = '53100';
    end if;
    if exists (select 1 from test_refused_letter
               where for_good and position(marker in coalesce(new.payload, '')) > 0) then
        raise exception 'test: dead letter refused for good';
    end if;
    return new;
end
$$;

create trigger test_refuse_letter before insert on dead_letter
    for each row execute function test_refuse_letter();
