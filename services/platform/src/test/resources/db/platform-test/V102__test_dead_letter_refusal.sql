-- Only for the platform's own integration test: while a row of test_refused_letter names a text that a dead letter's
-- payload contains, the database refuses to record that letter (as a full disk or a lost connection would).
create table test_refused_letter (
    marker  text primary key
);

create function test_refuse_letter() returns trigger language plpgsql as $$
begin
    if exists (select 1 from test_refused_letter where position(marker in coalesce(new.payload, '')) > 0) then
        raise exception 'test: dead letter refused';
    end if;
    return new;
end
$$;

create trigger test_refuse_letter before insert on dead_letter
    for each row execute function test_refuse_letter();
