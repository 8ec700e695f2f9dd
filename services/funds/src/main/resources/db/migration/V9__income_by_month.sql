-- Income by month and source (the transparency page's chart), kept by the database as journal lines
-- are inserted, like the balances (V8): reading it no longer sums every line of the period, which at
-- a few hundred page views a second exhausted funds' connection pool (docs/benchmarks.md, the mix).
-- Income is money coming in: cash and in-kind debits; a transfer between funds is not income.
create table income_by_month (
    month         date     not null,
    source        text     not null,
    currency      char(3)  not null,
    amount_minor  bigint   not null,
    primary key (month, source, currency)
);

create function income_source(kind text) returns text language sql immutable as $$
    select case kind when 'DONATION_RECEIVED' then 'donations' when 'IN_KIND' then 'in-kind'
                     when 'SPONSORSHIP_PAID' then 'sponsorships' else lower(kind) end
$$;

insert into income_by_month (month, source, currency, amount_minor)
select date_trunc('month', e.occurred_at at time zone 'UTC')::date, income_source(e.kind), l.currency,
       sum(l.debit_minor)
from journal_entry e join journal_line l on l.entry_id = e.id
where l.account in ('cash', 'in-kind') and l.debit_minor > 0 and e.kind <> 'TRANSFER'
group by 1, 2, 3;

create function journal_line_to_income() returns trigger language plpgsql as $$
declare
    entry_kind text;
    entry_at   timestamptz;
begin
    if new.account in ('cash', 'in-kind') and new.debit_minor > 0 then
        select kind, occurred_at into entry_kind, entry_at from journal_entry where id = new.entry_id;
        if entry_kind <> 'TRANSFER' then
            insert into income_by_month (month, source, currency, amount_minor)
            values (date_trunc('month', entry_at at time zone 'UTC')::date, income_source(entry_kind), new.currency,
                    new.debit_minor)
            on conflict (month, source, currency)
            do update set amount_minor = income_by_month.amount_minor + excluded.amount_minor;
        end if;
    end if;
    return null;
end $$;

create trigger journal_line_to_income after insert on journal_line
    for each row execute function journal_line_to_income();
