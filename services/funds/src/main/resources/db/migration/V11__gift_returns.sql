-- What has gone back of each gift converted into its item's currency (refunds and lost disputes together), in the
-- gift's currency and as taken out of the ledger: a part is converted as the difference of the running totals, so
-- that refunds and a chargeback in any order take out exactly what the gift put in (a lost dispute's event does
-- not say what was refunded before it, and a refund's total leaves a lost dispute out).
create table gift_returned (
    donation_id      text     not null,
    currency         char(3)  not null,
    ledger_currency  char(3)  not null,
    given_minor      bigint   not null check (given_minor >= 0),
    taken_minor      bigint   not null check (taken_minor >= 0),
    primary key (donation_id, currency, ledger_currency)
);

-- Parts recorded before: the entry's description names the gift and, when it was converted, the part
-- ("Refunded <id> (EUR 33.33 at 1.0842 USD)", "Dispute lost, <id> (...)"); what it took out is its fund-balance debit.
insert into gift_returned (donation_id, currency, ledger_currency, given_minor, taken_minor)
select m[1], m[2], m[4], sum(replace(m[3], '.', '')::bigint), sum(l.debit_minor)
from journal_entry e
cross join lateral regexp_match(
    e.description,
    '^(?:Refunded |Dispute lost, )(\S+) \(([A-Z]{3}) ([0-9]+(?:\.[0-9]+)?) at [0-9.]+ ([A-Z]{3})\)$') as m
join journal_line l on l.entry_id = e.id and l.account = 'fund-balance' and l.debit_minor > 0
where e.kind in ('DONATION_REFUNDED', 'DONATION_CHARGED_BACK') and m is not null
group by m[1], m[2], m[4];
