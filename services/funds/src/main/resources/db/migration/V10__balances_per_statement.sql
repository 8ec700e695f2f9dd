-- The kept balances (V8) and income by month (V9) were updated by one trigger call per journal line.
-- The consumer now writes a batch of entries with one statement for all their lines, so the totals
-- are updated once per statement, from the statement's new lines (a transition table), grouped:
-- one upsert per (fund, account, currency) and per (month, source, currency) however many lines.
-- Rows are upserted in key order, so concurrent writers lock shared rows in the same order.
drop trigger journal_line_to_balance on journal_line;
drop trigger journal_line_to_income on journal_line;
drop function journal_line_to_balance();
drop function journal_line_to_income();

create function journal_lines_to_totals() returns trigger language plpgsql as $$
begin
    insert into account_balance (fund_code, account, currency, debit_minus_credit)
    select fund_code, account, currency, sum(debit_minor - credit_minor)
    from new_lines
    group by fund_code, account, currency
    order by fund_code, account, currency
    on conflict (fund_code, account, currency)
    do update set debit_minus_credit = account_balance.debit_minus_credit + excluded.debit_minus_credit;

    insert into income_by_month (month, source, currency, amount_minor)
    select date_trunc('month', e.occurred_at at time zone 'UTC')::date, income_source(e.kind), l.currency,
           sum(l.debit_minor)
    from new_lines l join journal_entry e on e.id = l.entry_id
    where l.account in ('cash', 'in-kind') and l.debit_minor > 0 and e.kind <> 'TRANSFER'
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (month, source, currency)
    do update set amount_minor = income_by_month.amount_minor + excluded.amount_minor;
    return null;
end $$;

create trigger journal_lines_to_totals after insert on journal_line
    referencing new table as new_lines
    for each statement execute function journal_lines_to_totals();
