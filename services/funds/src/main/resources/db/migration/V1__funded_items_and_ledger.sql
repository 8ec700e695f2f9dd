create table funded_item (
    code               text         primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    title              text         not null,
    description        text         not null default '',
    kind               text         not null check (kind in ('GENERAL', 'PROJECT', 'ROLE', 'EVENT')),
    target_minor       bigint       not null check (target_minor >= 0),
    currency           char(3)      not null,
    status             text         not null check (status in ('OPEN', 'FUNDED', 'CLOSED')),
    -- bumped on every change; the item is published again while published_version < version
    version            int          not null default 1,
    published_version  int          not null default 0,
    created_at         timestamptz  not null default now()
);

-- Double-entry journal, append-only. Each entry's lines balance per currency (checked by the model
-- and by the deferred trigger below); each source event is recorded at most once.
create table journal_entry (
    id               uuid         primary key,
    source_event_id  uuid         not null unique,
    kind             text         not null,
    fund_code        text         not null references funded_item (code),
    description      text         not null,
    occurred_at      timestamptz  not null,
    recorded_at      timestamptz  not null default now()
);

create table journal_line (
    entry_id      uuid     not null references journal_entry (id),
    line_no       int      not null,
    account       text     not null,
    fund_code     text     not null,
    debit_minor   bigint   not null default 0 check (debit_minor >= 0),
    credit_minor  bigint   not null default 0 check (credit_minor >= 0),
    currency      char(3)  not null,
    primary key (entry_id, line_no),
    check ((debit_minor = 0) <> (credit_minor = 0))
);
create index journal_line_by_fund on journal_line (fund_code, account, currency);

create function journal_entry_balances() returns trigger language plpgsql as $$
begin
    if exists (
        select 1 from journal_line where entry_id = new.entry_id
        group by currency having sum(debit_minor) <> sum(credit_minor)
    ) then
        raise exception 'journal entry % does not balance', new.entry_id;
    end if;
    return null;
end $$;

create constraint trigger journal_line_balanced after insert on journal_line
    deferrable initially deferred for each row execute function journal_entry_balances();

create function journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the journal is append-only: correct with a reversing entry';
end $$;

create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function journal_is_append_only();
create trigger journal_line_append_only before update or delete on journal_line
    for each row execute function journal_is_append_only();

insert into funded_item (code, title, description, kind, target_minor, currency, status) values
  ('general', 'General fund', 'Unrestricted gifts: the foundation decides where they help most.', 'GENERAL', 0, 'USD', 'OPEN'),
  ('packaging', 'Python packaging work', 'Paid work on pip, PyPI and the packaging tools, steered by the Packaging Working Group.', 'PROJECT', 40000000, 'USD', 'OPEN'),
  ('cpython-dir', 'CPython Developer-in-Residence', 'A full-time developer working on CPython for a year.', 'ROLE', 20000000, 'USD', 'OPEN'),
  ('security-dir', 'Security Developer-in-Residence', 'A full-time security developer for CPython and PyPI for a year.', 'ROLE', 20000000, 'USD', 'OPEN'),
  ('core-sprint-2027', 'Core developer sprint 2027', 'Travel and accommodation for a week-long core developer sprint.', 'EVENT', 8000000, 'USD', 'OPEN');
