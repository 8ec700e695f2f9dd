-- Each fund's balance per account and currency, kept by the database as journal lines are inserted
-- (the journal is append-only), so reading a balance is one row per account however long the
-- ledger grows (before: a sum over every line of the fund; docs/benchmarks.md).
create table account_balance (
    fund_code           text     not null,
    account             text     not null,
    currency            char(3)  not null,
    debit_minus_credit  bigint   not null,
    primary key (fund_code, account, currency)
);

insert into account_balance (fund_code, account, currency, debit_minus_credit)
select fund_code, account, currency, sum(debit_minor) - sum(credit_minor)
from journal_line
group by fund_code, account, currency;

create function journal_line_to_balance() returns trigger language plpgsql as $$
begin
    insert into account_balance (fund_code, account, currency, debit_minus_credit)
    values (new.fund_code, new.account, new.currency, new.debit_minor - new.credit_minor)
    on conflict (fund_code, account, currency)
    do update set debit_minus_credit = account_balance.debit_minus_credit + excluded.debit_minus_credit;
    return null;
end $$;

create trigger journal_line_to_balance after insert on journal_line
    for each row execute function journal_line_to_balance();
